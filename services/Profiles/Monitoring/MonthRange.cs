using System.Globalization;
using Newcomers.BuildingBlocks.Validation;

namespace Newcomers.Profiles.Monitoring;

/// <summary>The months a request asks figures for: UTC calendar months, "YYYY-MM", oldest first.</summary>
public sealed record MonthRange(DateOnly First, DateOnly Last)
{
    /// <summary>The widest range one request may ask for, in months.</summary>
    public const int MaxMonths = 36;

    /// <summary>No figures before the Wet inburgering 2013.</summary>
    private static readonly DateOnly Earliest = new(2013, 1, 1);

    public IEnumerable<DateOnly> Months()
    {
        for (var month = First; month <= Last; month = month.AddMonths(1)) yield return month;
    }

    /// <summary>The instant the month begins.</summary>
    public static DateTimeOffset Start(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant the next month begins: "at the end of the month" means before it.</summary>
    public static DateTimeOffset End(DateOnly month) => Start(month.AddMonths(1));

    public static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The range, or null with violations of from_month and to_month.</summary>
    public static MonthRange? Read(string from, string to, DateTimeOffset now, Violations v)
    {
        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        var first = Month(from, "from_month", current, v);
        var last = Month(to, "to_month", current, v);
        if (first is not { } f || last is not { } l) return null;
        if (l < f) v.Add("to_month", ViolationReasons.DateOrder, "not before from_month");
        else if ((l.Year - f.Year) * 12 + l.Month - f.Month >= MaxMonths) v.Add("to_month", ViolationReasons.OutOfRange, $"at most {MaxMonths} months from from_month, both included");
        return v.Any ? null : new MonthRange(f, l);
    }

    private static DateOnly? Month(string value, string field, DateOnly current, Violations v)
    {
        if (value.Length == 0)
        {
            v.Add(field, ViolationReasons.Required, "required: a month as YYYY-MM");
            return null;
        }
        if (!DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || value.Length != 7)
        {
            v.Add(field, ViolationReasons.InvalidDate, "a month as YYYY-MM, such as 2026-03");
            return null;
        }
        if (month < Earliest || month > current)
        {
            v.Add(field, ViolationReasons.OutOfRange, $"from {Name(Earliest)} to the current month ({Name(current)})");
            return null;
        }
        return month;
    }
}
