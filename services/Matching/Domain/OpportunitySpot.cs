using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// What candidate generation reads of an opportunity, inline in a grid cell: filtering and the
/// score bound need no other memory, nor does a language buddy's check unless the buddy takes
/// only those who share a language, or takes a household of more than one. Only survivors follow
/// <see cref="Entry"/>.
/// </summary>
public readonly struct OpportunitySpot(OpportunityEntry entry) : ILocated
{
    public double Latitude { get; } = entry.Latitude;
    public double Longitude { get; } = entry.Longitude;
    public int RequiredDutch { get; } = entry.RequiredDutch;
    public uint WeekMask { get; } = entry.WeekMask;
    public int Hours { get; } = entry.Hours;
    public int EndDay { get; } = entry.End?.DayNumber ?? int.MaxValue;
    public int Occupation { get; } = entry.Occupation;
    public int SkillCount { get; } = entry.Skills.Length;
    public ulong Skills { get; } = Vocabulary.Signature(entry.Skills);
    public ulong Languages { get; } = Vocabulary.Signature(entry.Languages);
    public ulong Interests { get; } = Vocabulary.Signature(entry.Interests);
    public bool LanguageSupport { get; } = entry.LanguageSupport;
    public bool CountsTowardsMap { get; } = entry.CountsTowardsMap;
    public bool FamilyBuddy { get; } = entry.FamilyBuddy;
    public Gender BuddyGender { get; } = entry.BuddyGender;
    public bool FamiliesOnly { get; } = entry.FamiliesOnly;
    public bool SharedLanguageOnly { get; } = entry.SharedLanguageOnly;
    public OpportunityKind Kind { get; } = entry.Kind;
    public OpportunityEntry Entry { get; } = entry;
    public string Id => Entry.Id;
}
