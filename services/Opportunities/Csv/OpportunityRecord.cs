using Google.Type;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.Contracts.V1;
using static Newcomers.BuildingBlocks.Csv.CsvCells;

namespace Newcomers.Opportunities.Csv;

/// <summary>
/// One opportunity as a CSV record, in the cells of <see cref="OpportunityColumns.All"/>: lists are
/// separated by ';' inside their cell, numbers take a decimal comma, dates are written yyyy-mm-dd,
/// and the buddy's columns are empty for an opportunity without a buddy.
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

    private static string Day(Date? date) => date is null ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
