using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>An opportunity as matching needs it: immutable, labels interned, the week as a bit mask.</summary>
public sealed record OpportunityEntry(
    string Id, long Version, OpportunityKind Kind, string Title, string ProviderId, string MunicipalityCode, double Latitude, double Longitude,
    int RequiredDutch, uint WeekMask, int Hours, int Occupation, int[] Skills, int[] Languages, int[] Interests,
    bool LanguageSupport, bool CountsTowardsMap, int Capacity, bool Open, DateOnly? End, DateOnly? Start, Gender BuddyGender,
    bool FamilyBuddy, PlaceCounter Places) : ILocated
{
    public int PlacesLeft => Capacity - Places.Taken;

    /// <summary>The skills asked for among the <see cref="Domain.CommonSkills"/>, one bit each.</summary>
    public uint CommonSkills { get; init; }

    /// <summary>When it was posted (its create_time): how long it has waited for newcomers.</summary>
    public DateTimeOffset? Posted { get; init; }

    /// <summary>A buddy who takes households only: newcomers with a household.</summary>
    public bool FamiliesOnly { get; init; }

    /// <summary>A buddy who takes only newcomers who speak one of the buddy's <see cref="OpportunityEntry.Languages"/>.</summary>
    public bool SharedLanguageOnly { get; init; }

    /// <summary>Open with a place left; such entries are in the spatial grid.</summary>
    public bool TakesNewcomers => Eligibility.TakesNewcomers(this);

    public bool TakesNewcomersOn(DateOnly day) => Eligibility.TakesNewcomersOn(this, day);

    public static OpportunityEntry From(Opportunity o, Vocabulary vocabulary, PlaceCounter places) => new(
        o.Id, o.Version, o.Kind, o.Title, o.ProviderId, o.MunicipalityCode, o.Location.Latitude, o.Location.Longitude,
        Cefr.Step(o.RequiredDutchLevel), Week.Mask(o.Schedule.DayParts), o.Schedule.HoursPerWeek, Isco.Code(o.Occupation),
        vocabulary.Intern(o.Skills), vocabulary.Intern(o.Kind == OpportunityKind.LanguageBuddy && o.Buddy is not null ? o.Buddy.Languages : o.UsefulLanguages),
        vocabulary.Intern(o.Buddy?.Interests ?? []), o.LanguageSupport, o.CountsTowardsMap, o.Capacity,
        o.Status != OpportunityStatus.Closed, Dates.EndOf(o), Dates.TryToDateOnly(o.StartDate, out var start) ? start : null,
        o.Buddy?.Gender ?? Gender.Unspecified, o.Buddy?.FamilyBuddy ?? false, places)
    {
        CommonSkills = Domain.CommonSkills.Mask(o.Skills), Posted = o.CreateTime?.ToDateTimeOffset(),
        FamiliesOnly = o.Buddy?.FamiliesOnly ?? false, SharedLanguageOnly = o.Buddy?.SharedLanguageOnly ?? false,
    };
}
