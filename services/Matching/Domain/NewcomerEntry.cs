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

    /// <summary>Matchable (consent and active), with a buddy among the goals of the PIP.</summary>
    public bool WantsBuddy { get; } = Matchable && Array.IndexOf(PipGoals, PipGoal.Buddy) >= 0;

    /// <summary>The newcomer's caseworker, or empty: whose caseload the early warnings are for.</summary>
    public string CaseworkerId { get; init; } = "";

    /// <summary>When the newcomer was registered (create_time), from which <see cref="EarlyWarnings"/> count the wait for a proposal.</summary>
    public DateTimeOffset? Registered { get; init; }

    /// <summary>The start of the inburgering, from which the 3-year deadline runs; null when not recorded.</summary>
    public DateOnly? InburgeringStart { get; init; }

    /// <summary>ACTIVE (or unspecified): neither paused nor closed, whatever the consent.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The household the newcomer belongs to, or empty.</summary>
    public string HouseholdId { get; init; } = "";

    /// <summary>The read model's count of that household, shared by its members' entries; null without a household or outside the read model.</summary>
    public Household? Household { get; init; }

    /// <summary>
    /// The places a family buddy gives the newcomer's household, which it takes as one unit: every
    /// member who wants a buddy, the newcomer counted among them (they are the one being matched);
    /// 1 without a household.
    /// </summary>
    public int BuddyUnitSize => Household is { } household ? Math.Max(1, household.WantingBuddy + (WantsBuddy ? 0 : 1)) : 1;

    /// <summary>The same newcomer with one skill more (an interned id, and its label for the common skills).</summary>
    public NewcomerEntry WithSkill(int skill, string label) => new(
        Id, Version, MunicipalityCode, Latitude, Longitude, MaxKm, Dutch, WeekMask, Hours, Occupations, [.. Skills.Append(skill).Distinct().Order()],
        Languages, Interests, GoalFitByKind, PipGoals, BuddyGender, FamilyBuddy, MapHoursDone, MapExempt, Matchable, SharesWithProviders)
    {
        CommonSkills = CommonSkills | Domain.CommonSkills.Mask([label]), CaseworkerId = CaseworkerId, Registered = Registered,
        InburgeringStart = InburgeringStart, Active = Active, HouseholdId = HouseholdId, Household = Household,
    };

    /// <param name="household">The read model's count of the newcomer's household, if it keeps one.</param>
    public static NewcomerEntry From(Newcomer n, Vocabulary vocabulary, Household? household = null) => new(
        n.Id, n.Version, n.MunicipalityCode, n.Home.Latitude, n.Home.Longitude, n.MaxTravelKm, Cefr.Step(n.DutchLevel),
        Week.Mask(n.Availability.DayParts), n.Availability.HoursPerWeek, [.. n.Occupations.Select(Isco.Code)], vocabulary.Intern(n.Skills),
        vocabulary.Intern(n.Languages.Select(l => l.Language)), vocabulary.Intern(n.BuddyPreferences?.Interests ?? []),
        Goals.FitByKind(n.PipGoals), [.. n.PipGoals], n.BuddyPreferences?.BuddyGender ?? Gender.Unspecified, n.BuddyPreferences?.FamilyBuddy ?? false,
        n.MapHoursDone, BuildingBlocks.Domain.MapHours.Exempt(n.Leerroute), Eligibility.Consents(n),
        n.Consent?.ShareWithProviders == true)
    {
        CommonSkills = Domain.CommonSkills.Mask(n.Skills), HouseholdId = n.HouseholdId,
        CaseworkerId = n.CaseworkerId, Registered = n.CreateTime?.ToDateTimeOffset(), Active = n.Status is NewcomerStatus.Active or NewcomerStatus.Unspecified,
        InburgeringStart = n.InburgeringStart is { Year: > 0 } d ? new DateOnly(d.Year, d.Month, d.Day) : null,
        Household = n.HouseholdId.Length > 0 && household?.Id == n.HouseholdId ? household : null,
    };
}
