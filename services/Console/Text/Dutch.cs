using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Newcomers.Console.Text;

/// <summary>Dates, numbers and distances in Dutch notation ("3 december 2026", "3,2 km").</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateTimeOffset value) => value.ToLocalTime().ToString("d MMMM yyyy", Culture);

    public static string Date(Timestamp? value) => value is null || value.Seconds == 0 ? "–" : Date(value.ToDateTimeOffset());

    public static string Date(Google.Type.Date? value) =>
        value is null || value.Year == 0 ? "–" : new DateOnly(value.Year, value.Month, value.Day).ToString("d MMMM yyyy", Culture);

    public static string DateTime(Timestamp? value) =>
        value is null || value.Seconds == 0 ? "–" : value.ToDateTimeOffset().ToLocalTime().ToString("d MMMM yyyy, HH:mm", Culture);

    public static string Number(double value, int decimals = 0) => value.ToString($"N{decimals}", Culture);

    public static string Km(double value) => $"{value.ToString(value < 10 ? "0.0" : "0", Culture)} km";

    public static string Hours(double value) => $"{Number(value, value % 1 == 0 ? 0 : 1)} uur";

    public static string Percent(double fraction) => fraction.ToString("P0", Culture);

    /// <summary>How long since a moment, in days or weeks ("3 dagen", "12 weken").</summary>
    public static string Since(Timestamp? value, DateTimeOffset now)
    {
        if (value is null || value.Seconds == 0) return "–";
        var days = (int)Math.Floor((now - value.ToDateTimeOffset()).TotalDays);
        return days switch
        {
            < 1 => "vandaag",
            1 => "1 dag",
            < 14 => $"{days} dagen",
            _ => $"{days / 7} weken",
        };
    }
}
