using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>A newcomer as matching needs it. Holds no protected attribute and no name.</summary>
public sealed record NewcomerEntry(
    string Id, long Version, string MunicipalityCode, double Latitude, double Longitude, double MaxKm, int Dutch,
    uint WeekMask, int Hours, int[] Occupations, int[] Skills, int[] Languages, int[] Interests, double[] GoalFitByKind,
    PipGoal[] PipGoals, Gender BuddyGender, bool FamilyBuddy, double MapHoursDone, bool MapExempt, bool Matchable, bool SharesWithProviders) : ILocated
{
    public ulong SkillSignature { get; } = Vocabulary.Signature(Skills);
    public ulong LanguageSignature { get; } = Vocabulary.Signature(Languages);
    public ulong InterestSignature { get; } = Vocabulary.Signature(Interests);

    /// <summary>The newcomer's skills among the <see cref="Domain.CommonSkills"/>, one bit each.</summary>
    public uint CommonSkills { get; init; }

    public static NewcomerEntry From(Newcomer n, Vocabulary vocabulary) => new(
        n.Id, n.Version, n.MunicipalityCode, n.Home.Latitude, n.Home.Longitude, n.MaxTravelKm, Cefr.Step(n.DutchLevel),
        Week.Mask(n.Availability.DayParts), n.Availability.HoursPerWeek, [.. n.Occupations.Select(Isco.Code)], vocabulary.Intern(n.Skills),
        vocabulary.Intern(n.Languages.Select(l => l.Language)), vocabulary.Intern(n.BuddyPreferences?.Interests ?? []),
        Goals.FitByKind(n.PipGoals), [.. n.PipGoals], n.BuddyPreferences?.BuddyGender ?? Gender.Unspecified, n.BuddyPreferences?.FamilyBuddy ?? false,
        n.MapHoursDone, n.Leerroute == Leerroute.Onderwijs, Eligibility.Consents(n),
        n.Consent?.ShareWithProviders == true) { CommonSkills = Domain.CommonSkills.Mask(n.Skills) };
}
