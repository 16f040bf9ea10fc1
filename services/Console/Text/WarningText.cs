using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>Early warnings ("signalen") in the words of a caseworker, with the facts that make them concrete.</summary>
public static class WarningText
{
    public const string Heading = "Signalen";
    public const string None = "Geen signalen: er is nu niets dat om aandacht vraagt.";
    public const string Unavailable = "De signalen zijn nu niet op te halen.";

    /// <summary>"Nog geen voorstel na 7 weken", "MAP: 12 van 40 uur, 20 uur achter op schema", "Werkplek ‘Keukenhulp’ gestopt op 3 december 2026: Verhuisd".</summary>
    public static string Of(EarlyWarning warning) => warning.FactsCase switch
    {
        EarlyWarning.FactsOneofCase.NoProposal => $"Nog geen voorstel na {Weeks(warning.NoProposal.WeeksWaiting)}",
        EarlyWarning.FactsOneofCase.MapBehind => Map(warning.MapBehind),
        EarlyWarning.FactsOneofCase.EndedEarly => Ended(warning.EndedEarly),
        _ => "Vraagt om aandacht",
    };

    /// <summary>What the warning asks for, below it on the newcomer's page.</summary>
    public static string Detail(EarlyWarning warning) => warning.FactsCase switch
    {
        EarlyWarning.FactsOneofCase.NoProposal => $"Ingeschreven op {Dutch.Date(warning.NoProposal.RegisteredTime)}. Zoek matches en doe een voorstel.",
        EarlyWarning.FactsOneofCase.MapBehind =>
            $"Op schema was nu {Dutch.Hours(warning.MapBehind.HoursExpected)}, om de {Dutch.Hours(warning.MapBehind.HoursRequired)} op {Dutch.Date(warning.MapBehind.TargetDate)} te halen. "
            + $"Inburgering begonnen op {Dutch.Date(warning.MapBehind.InburgeringStart)}, termijn tot {Dutch.Date(warning.MapBehind.Deadline)}.",
        EarlyWarning.FactsOneofCase.EndedEarly => "Sindsdien is er niets nieuws voorgesteld. Bespreek wat er gebeurde en zoek een volgende stap.",
        _ => "",
    };

    private static string Map(MapBehindFacts map) =>
        $"MAP: {Dutch.Number(map.HoursDone, map.HoursDone % 1 == 0 ? 0 : 1)} van {Dutch.Number(map.HoursRequired)} uur, {Dutch.Hours(Math.Round(Behind(map), 1))} achter op schema";

    private static double Behind(MapBehindFacts? map) => map is null ? 0 : Math.Max(0, map.HoursExpected - map.HoursDone);

    private static string Ended(EndedEarlyFacts ended)
    {
        var what = ended.OpportunityTitle.Length > 0 ? $"{Labels.Of(ended.Kind)} ‘{ended.OpportunityTitle}’" : Labels.Of(ended.Kind);
        return $"{what} eerder gestopt op {Dutch.Date(ended.EndTime)} ({Labels.Of(ended.ReasonCode)})";
    }

    private static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weken";
}
