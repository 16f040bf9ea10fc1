using System.Runtime.CompilerServices;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// One change to a newcomer's profile that the PIP guidance tries. <see cref="Changed"/> is the
/// newcomer with it applied: the guidance checks it with <see cref="Eligibility"/> and scores it with
/// the ranker in force exactly as a recommendation for that newcomer would. <see cref="Value"/> is the
/// CEFR step, the km, the day part, the hours or the interned skill; <see cref="Skill"/> the skill's label.
/// </summary>
public sealed record ProfileChange(PipChangeKind Kind, double Value, NewcomerEntry Changed, string Skill = "")
{
    /// <summary>The skill's bit in a skill signature (SKILL only).</summary>
    public ulong SkillBit { get; } = Kind == PipChangeKind.Skill ? Vocabulary.Signature([(int)Value]) : 0;

    /// <summary>The day part's bit in a week mask (DAY_PART only).</summary>
    public uint PartBit => Kind == PipChangeKind.DayPart ? 1u << ((int)Value - 1) : 0;

    /// <summary>
    /// Whether the change lifts the one constraint a spot fails for the newcomer as they are: a Dutch
    /// level high enough, a reach far enough, or a day part the spot asks for. The rest of the
    /// constraints are the caller's, checked on <see cref="Changed"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Lifts(Constraint failed, in OpportunitySpot o, double squaredKm, Eligibility eligibility) => (Kind, failed) switch
    {
        (PipChangeKind.DutchLevel, Constraint.DutchLevel) => eligibility.DutchSuffices(Changed.Dutch, o.RequiredDutch),
        (PipChangeKind.TravelDistance, Constraint.TravelDistance) => Eligibility.InReach(squaredKm, Changed.MaxKm),
        (PipChangeKind.DayPart, Constraint.Availability) => (o.WeekMask & PartBit) != 0,
        _ => false,
    };

    /// <summary>
    /// Whether the change raises a fit the heuristic weighs for a spot eligible already: the Dutch fit
    /// under the level asked, the distance share (always), the schedule share of a part it asks for,
    /// the hours share under the hours it asks, the skill share of a skill it asks for.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Improves(NewcomerEntry n, in OpportunitySpot o) => Kind switch
    {
        PipChangeKind.DutchLevel => o.RequiredDutch > n.Dutch,
        PipChangeKind.TravelDistance => true,
        PipChangeKind.DayPart => (o.WeekMask & PartBit) != 0,
        PipChangeKind.Hours => o.Hours > n.Hours,
        PipChangeKind.Skill => (o.Skills & SkillBit) != 0 && Array.BinarySearch(o.Entry.Skills, (int)Value) >= 0,
        _ => false,
    };
}
