using System.Globalization;
using System.Text;
using Grpc.Core;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// The model card's fairness section: the <see cref="FairnessReporter"/>'s report of the ranker in
/// force, made when the card is asked for (so it is always the latest), in Dutch. Groups under the
/// minimum size are already left out of the report, and it names no person.
/// </summary>
public sealed class FairnessCardSource(FairnessReporter reporter) : IFairnessReportSource
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<FairnessCardSection?> LatestAsync(string rankerName, string askedBy, CancellationToken cancellationToken)
    {
        FairnessReport report;
        try
        {
            report = await reporter.ReportAsync(rankerName, askedBy, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return new FairnessCardSection("Eerlijkheid: het rapport kon nu niet worden gemaakt (de gegevens voor de audit waren niet bereikbaar).",
                "Het eerlijkheidsrapport kon nu niet worden gemaakt: de beschermde kenmerken voor de audit waren niet bereikbaar. Vraag de kaart later opnieuw op.");
        }
        return report.Rankers.SingleOrDefault(r => r.Ranker == rankerName) is { } ranker ? Section(report, ranker) : null;
    }

    private static FairnessCardSection Section(FairnessReport report, RankerFairness ranker)
    {
        var flags = ranker.Dimensions.SelectMany(d => d.Groups.SelectMany(g => Flags(g).Select(f => $"{Group(d.Dimension, g.Group)} ({f})"))).ToList();
        var summary = $"Eerlijkheid (rapport van {report.ComputeTime.ToDateTime().ToString("d MMMM yyyy", Dutch)}): gemeten op {ranker.Rankings} rangschikkingen en "
            + $"{ranker.Newcomers} nieuwkomers met toestemming voor de audit, naar geslacht en herkomstregio. "
            + (flags.Count == 0 ? "Geen groep gemarkeerd." : $"Gemarkeerd: {string.Join(", ", flags)}.");
        var text = new StringBuilder();
        text.Append(summary).Append("\n\nBlootstelling (Singh en Joachims, 2018): de gemiddelde aandacht per lid, 1/log2(1 + plaats) per getoonde lijst, tegen het gemiddelde van iedereen; gemarkeerd buiten ")
            .Append(F(report.ExposureLow)).Append('–').Append(F(report.ExposureHigh)).Append(". Selectie: het deel van de getoonde suggesties dat werd voorgesteld, geaccepteerd en gestart, tegen de best af zijnde groep; gemarkeerd onder ")
            .Append(F(report.SelectionLow)).Append(" (de vier-vijfderegel). Groepen kleiner dan ").Append(report.MinimumGroupSize).Append(" staan er niet in.");
        foreach (var d in ranker.Dimensions)
        {
            text.Append("\n\n**").Append(d.Dimension == "gender" ? "Geslacht" : "Herkomstregio").Append("**");
            if (d.TooSmallToCompare)
            {
                text.Append(": te weinig groepen groot genoeg om te vergelijken.");
                continue;
            }
            text.Append("\n\n| groep | leden | blootstelling | voorgesteld | geaccepteerd | gestart |\n|---|---|---|---|---|---|");
            foreach (var g in d.Groups)
                text.Append($"\n| {Group(d.Dimension, g.Group)} | {g.Members} | {F(g.ExposureRatio)}{Mark(g.ExposureFlagged)} | {Rate(g.Proposed)} | {Rate(g.Accepted)} | {Rate(g.Started)} |");
            if (d.GroupsTooSmall > 0) text.Append($"\n\n{d.GroupsTooSmall} groep(en) te klein om te tonen.");
        }
        return new FairnessCardSection(summary, text.ToString());
    }

    private static IEnumerable<string> Flags(GroupFairness g)
    {
        if (g.ExposureFlagged) yield return "blootstelling";
        if (g.Proposed.Flagged) yield return "voorgesteld";
        if (g.Accepted.Flagged) yield return "geaccepteerd";
        if (g.Started.Flagged) yield return "gestart";
    }

    private static string Rate(SelectionRate r) => $"{F(r.Rate)} ({F(r.Ratio)}){Mark(r.Flagged)}";

    private static string Mark(bool flagged) => flagged ? " ⚑" : "";

    private static string F(double value) => value.ToString("0.00", Dutch);

    private static string Group(string dimension, string group) => (dimension, group) switch
    {
        ("gender", "female") => "vrouw", ("gender", "male") => "man", ("gender", "other") => "anders", (_, "unknown") => "onbekend",
        (_, "europe") => "Europa", (_, "middle_east_north_africa") => "Midden-Oosten en Noord-Afrika", (_, "sub_saharan_africa") => "Afrika ten zuiden van de Sahara",
        (_, "asia") => "Azië", (_, "americas") => "Amerika", (_, "oceania") => "Oceanië", _ => group,
    };
}
