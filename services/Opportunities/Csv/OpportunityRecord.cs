using Newcomers.BuildingBlocks.Csv;
using Newcomers.Contracts.V1;
using Newcomers.BuildingBlocks.Validation;
using static Newcomers.BuildingBlocks.Csv.CsvCells;
using C = Newcomers.Opportunities.Csv.OpportunityColumns;

namespace Newcomers.Opportunities.Csv;

/// <summary>
/// One opportunity as a CSV record, in the cells of <see cref="OpportunityColumns.All"/>: lists are
/// separated by ';' inside their cell, numbers take a decimal comma, dates are written yyyy-mm-dd,
/// and the buddy's columns are empty for an opportunity without a buddy. The import reads the same
/// cells back: a cell that is not a word or number of its column is a violation of its field.
/// </summary>
public static class OpportunityRecord
{
    public static string[] Write(Opportunity o) =>
    [
        o.Id, o.ProviderId, o.ExternalId, OpportunityTokens.Kind.Write(o.Kind), o.Title, o.Description, o.Occupation, o.Sector,
        CommonTokens.Level.Write(o.RequiredDutchLevel), Join(o.Skills), Join(o.UsefulLanguages),
        o.Location is null ? "" : Number(o.Location.Latitude), o.Location is null ? "" : Number(o.Location.Longitude), o.Postcode,
        o.MunicipalityCode, Whole(o.Capacity), o.Schedule is null ? "" : Whole(o.Schedule.HoursPerWeek),
        o.Schedule is null ? "" : Join(o.Schedule.DayParts.Select(CommonTokens.DayPart.Write)), Day(o.StartDate), Day(o.EndDate),
        YesNo(o.CountsTowardsMap), YesNo(o.LanguageSupport), OpportunityTokens.Status.Write(o.Status),
        .. Buddy(o.Buddy),
    ];

    private static string[] Buddy(BuddyOffer? b) => b is null ? ["", "", "", "", "", ""]
        : [Join(b.Languages), Join(b.Interests), YesNo(b.FamilyBuddy), CommonTokens.Gender.Write(b.Gender), YesNo(b.FamiliesOnly), YesNo(b.SharedLanguageOnly)];

    /// <summary>The opportunity of the cells (a missing column reads as an empty cell); what cannot be read is added to v.</summary>
    public static Opportunity Read(Func<string, string> cell, Violations v)
    {
        var kind = Token(OpportunityTokens.Kind, cell(C.Kind), "opportunity.kind", v);
        var o = new Opportunity
        {
            Id = cell(C.Id), ProviderId = cell(C.Provider), ExternalId = cell(C.ExternalId), Kind = kind, Title = cell(C.Title),
            Description = cell(C.Description), Occupation = cell(C.Occupation), Sector = cell(C.Sector),
            RequiredDutchLevel = Token(CommonTokens.Level, cell(C.Dutch), "opportunity.required_dutch_level", v),
            Skills = { List(cell(C.Skills)) }, UsefulLanguages = { List(cell(C.Languages)) }, Postcode = cell(C.Postcode),
            MunicipalityCode = cell(C.Municipality), Capacity = Whole(cell(C.Capacity), "opportunity.capacity", v),
            Schedule = new Availability
            {
                HoursPerWeek = Whole(cell(C.HoursPerWeek), "opportunity.schedule.hours_per_week", v),
                DayParts = { Tokens(CommonTokens.DayPart, cell(C.DayParts), "opportunity.schedule.day_parts", v) },
            },
            StartDate = Day(cell(C.StartDate), "opportunity.start_date", v), EndDate = Day(cell(C.EndDate), "opportunity.end_date", v),
            CountsTowardsMap = Bool(cell(C.CountsTowardsMap), "opportunity.counts_towards_map", v),
            LanguageSupport = Bool(cell(C.LanguageSupport), "opportunity.language_support", v),
            Status = Token(OpportunityTokens.Status, cell(C.Status), "opportunity.status", v),
        };
        var (latitude, longitude) = (cell(C.Latitude), cell(C.Longitude));
        if (latitude.Length > 0 || longitude.Length > 0)
            o.Location = new GeoPoint { Latitude = Number(latitude, "opportunity.location.latitude", v), Longitude = Number(longitude, "opportunity.location.longitude", v) };
        string[] buddy = [cell(C.BuddyLanguages), cell(C.BuddyInterests), cell(C.BuddyFamily), cell(C.BuddyGender), cell(C.BuddyFamiliesOnly), cell(C.BuddySharedLanguageOnly)];
        if (buddy.Any(b => b.Length > 0))
            o.Buddy = new BuddyOffer
            {
                Languages = { List(buddy[0]) }, Interests = { List(buddy[1]) }, FamilyBuddy = Bool(buddy[2], "opportunity.buddy.family_buddy", v),
                Gender = Token(CommonTokens.Gender, buddy[3], "opportunity.buddy.gender", v), FamiliesOnly = Bool(buddy[4], "opportunity.buddy.families_only", v),
                SharedLanguageOnly = Bool(buddy[5], "opportunity.buddy.shared_language_only", v),
            };
        return o;
    }
}
