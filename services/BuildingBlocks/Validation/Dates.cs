using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>google.type.Date as calendar dates.</summary>
public static class Dates
{
    public static bool TryToDateOnly(Google.Type.Date? date, out DateOnly value)
    {
        value = default;
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12) return false;
        if (date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month)) return false;
        value = new DateOnly(date.Year, date.Month, date.Day);
        return true;
    }

    public static Violations Date(this Violations v, Google.Type.Date? date, string field) =>
        date is null ? v : v.Check(TryToDateOnly(date, out _), field, ViolationReasons.InvalidDate, "a full calendar date (year, month and day)");

    public static Google.Type.Date ToDate(DateOnly value) => new() { Year = value.Year, Month = value.Month, Day = value.Day };

    /// <summary>The last day, or null when the opportunity does not end.</summary>
    public static DateOnly? EndOf(Opportunity opportunity) =>
        TryToDateOnly(opportunity.EndDate, out var end) ? end : null;
}
