using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>The monitoring page's words and numbers: months, suppressed cells ("&lt; 5"), and the names in its legends.</summary>
public static class MonitoringText
{
    public const string Title = "Monitoring", Subtitle = "Hoe gaat het met nieuwkomers", Region = "regio";

    public static string Intro(int minimumGroupSize) =>
        $"Cijfers per maand over alle nieuwkomers, nooit over één persoon. Groepen kleiner dan {minimumGroupSize} tonen we niet: daar staat \"< {minimumGroupSize}\".";

    /// <summary>"2026-03" as "mrt 2026" (short, for axes) or "maart 2026" (in sentences and tables).</summary>
    public static string Month(string yearMonth, bool full = false) =>
        DateTime.TryParseExact(yearMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString(full ? "MMMM yyyy" : "MMM yyyy", Dutch.Culture).Replace(".", "", StringComparison.Ordinal) : yearMonth;

    public static string Suppressed(int minimumGroupSize) => $"< {minimumGroupSize}";

    public static string Count(double? value, int minimumGroupSize) => value is { } v ? Dutch.Number(v, v % 1 == 0 ? 0 : 1) : Suppressed(minimumGroupSize);

    /// <summary>A median with its middle half: "12 (8–20)".</summary>
    public static string Spread(double? median, double? low, double? high, int minimumGroupSize) =>
        median is { } m ? $"{Count(m, minimumGroupSize)} ({Count(low, minimumGroupSize)}–{Count(high, minimumGroupSize)})" : Suppressed(minimumGroupSize);

    public static string Level(CefrLevel level) => level == CefrLevel.Unspecified ? "Niet vastgelegd" : level.ToString();

    /// <summary>A label as a legend starts it: "De aanbieder".</summary>
    public static string Capital(string text) => text.Length > 0 ? char.ToUpper(text[0], Dutch.Culture) + text[1..] : text;

    public static string MatchesOf(OpportunityKind kind) => kind switch
    {
        OpportunityKind.Volunteering => "Matches vrijwilligerswerk: van voorstel tot afloop",
        OpportunityKind.LanguageBuddy => "Matches taalmaatje: van voorstel tot afloop",
        _ => "Matches werkplek: van voorstel tot afloop",
    };

    public static string ChartKindName(Monitoring.ChartKind kind) => kind switch
    {
        Monitoring.ChartKind.StackedBars => "Gestapeld staafdiagram",
        Monitoring.ChartKind.Lines => "Lijndiagram",
        _ => "Diagram met mediaan en band",
    };

    public static string Area(string municipalityCode, string? name) => name is { Length: > 0 } ? $"{name} ({municipalityCode})" : municipalityCode;

    public static string RegionOf(IEnumerable<string> municipalities) => $"Regio ({string.Join(", ", municipalities)})";

    public const string SuppressedLegend = "Grijs: minder dan de kleinste groep, niet getoond.";
    public const string TableFollows = "De tabel ernaast heeft alle cijfers.";
}
