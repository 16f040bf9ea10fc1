using Newcomers.Console.Text;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Monitoring;

/// <summary>
/// The figures of one area (a municipality or the region), month by month, as the groups the
/// console shows: who the newcomers are, how fast they get a match, how matches go, and the MAP.
/// </summary>
public static class FigureGroups
{
    public const string Newcomers = "Nieuwkomers", Speed = "Hoe snel", Matches = "Matches", Map = "MAP";

    public static IReadOnlyList<FigureGroup> Of(MonitoringArea area)
    {
        var months = area.Months;
        var names = months.Select(m => m.Month).ToList();
        FigureGroup Group(string id, string section, string title, string note, string unit, ChartKind kind, IEnumerable<FigureSeries> series,
            double? reference = null, string? referenceLabel = null) =>
            new(id, section, title, note, unit, kind, names, [.. series], reference, referenceLabel);
        IEnumerable<FigureSeries> Split<TFigure, TKey>(Func<MonitoringMonth, IEnumerable<TFigure>> figures, Func<TFigure, TKey> key,
            Func<TFigure, FigureCount> count, Func<TKey, string> label) where TKey : struct, Enum =>
            months.SelectMany(figures).Select(key).Distinct().OrderBy(k => Convert.ToInt32(k, null) == 0 ? int.MaxValue : Convert.ToInt32(k, null))
                .Select(k => new FigureSeries(label(k), [.. months.Select(m => FigureValue.Of(figures(m).Where(f => key(f).Equals(k)).Select(count).FirstOrDefault()))]));
        FigureSeries Counts(string name, Func<MonitoringMonth, FigureCount?> count, bool drawn = true) => new(name, [.. months.Select(m => FigureValue.Of(count(m)))], drawn);
        FigureSeries Spread(string name, Func<MonitoringMonth, FigureSpread?> spread) => new(name, [.. months.Select(m => FigureValue.Of(spread(m)))]);

        List<FigureGroup> groups =
        [
            Group("status", Newcomers, "Nieuwkomers per status", "Ingeschreven nieuwkomers aan het eind van elke maand, naar hun status toen.", "nieuwkomers",
                ChartKind.StackedBars, [.. Split(m => m.ByStatus, f => f.Status, f => f.Newcomers, Labels.Of), Counts("Totaal", m => m.Newcomers, drawn: false)]),
            Group("leerroute", Newcomers, "Nieuwkomers per leerroute", "Ingeschreven nieuwkomers aan het eind van elke maand, naar hun leerroute van nu.", "nieuwkomers",
                ChartKind.StackedBars, Split(m => m.ByLeerroute, f => f.Leerroute, f => f.Newcomers, Labels.Of)),
            Group("nederlands", Newcomers, "Niveau Nederlands", "Ingeschreven nieuwkomers aan het eind van elke maand, naar hun niveau Nederlands toen.", "nieuwkomers",
                ChartKind.StackedBars, Split(m => m.DutchLevels, f => f.Level, f => f.Newcomers, l => MonitoringText.Level(l))),
            Group("doorlooptijd", Speed, "Dagen tot het eerste voorstel, de eerste acceptatie en de eerste start",
                "Voor de nieuwkomers die in die maand zijn ingeschreven: de mediaan, met de middelste helft (25% tot 75%) als band.", "dagen", ChartKind.Spread,
                [Spread("Eerste voorstel", m => m.DaysToFirstProposal), Spread("Eerste acceptatie", m => m.DaysToFirstAcceptance),
                 Spread("Eerste start", m => m.DaysToFirstStart), Counts("Ingeschreven in de maand", m => m.Registered, drawn: false)]),
        ];
        foreach (var kind in new[] { OpportunityKind.WorkPlacement, OpportunityKind.Volunteering, OpportunityKind.LanguageBuddy })
        {
            FigureCount? Step(MonitoringMonth m, Func<MatchKindFigure, FigureCount> step) => m.Matches.FirstOrDefault(k => k.Kind == kind) is { } f ? step(f) : null;
            groups.Add(Group($"matches-{KindSlug.Of(kind)}", Matches, MonitoringText.MatchesOf(kind), "Elke stap telt in de maand waarin hij gebeurde.", "matches",
                ChartKind.Lines,
                [Counts("Voorgesteld", m => Step(m, f => f.Proposed)), Counts("Geaccepteerd", m => Step(m, f => f.Accepted)), Counts("Gestart", m => Step(m, f => f.Started)),
                 Counts("Afgerond", m => Step(m, f => f.Completed)), Counts("Gestopt", m => Step(m, f => f.Ended)), Counts("Afgewezen", m => Step(m, f => f.Declined))]));
        }
        groups.Add(Group("gestopt-reden", Matches, "Gestopte matches per reden", "Matches die in de maand stopten, naar de reden uit de lijst.", "matches",
            ChartKind.StackedBars, Split(m => m.EndedByReason, f => f.Reason, f => f.Matches, r => MonitoringText.Capital(Labels.Of(r)))));
        groups.Add(Group("afgewezen-door", Matches, "Afgewezen matches: door wie", "Voorstellen die in de maand werden afgewezen, naar wie nee zei.", "matches",
            ChartKind.StackedBars, Split(m => m.DeclinedBy, f => f.Party, f => f.Matches, p => MonitoringText.Capital(Labels.Of(p)))));
        groups.Add(Group("afgewezen-reden", Matches, "Afgewezen matches per reden", "Voorstellen die in de maand werden afgewezen, naar de reden uit de lijst.", "matches",
            ChartKind.StackedBars, Split(m => m.DeclinedByReason, f => f.Reason, f => f.Matches, r => MonitoringText.Capital(Labels.Of(r)))));
        var required = months.Select(m => m.MapHours?.HoursRequired ?? 0).FirstOrDefault(h => h > 0) is var r and > 0 ? r : 40;
        groups.Add(Group("map", Map, $"MAP-uren tegen de {Dutch.Number(required)} uur",
            "Aan het eind van elke maand, voor de nieuwkomers die de MAP moeten doen (niet de onderwijsroute): de mediaan van hun uren, met de middelste helft als band.",
            "uur", ChartKind.Spread,
            [Spread("MAP-uren", m => m.MapHours?.Hours), Counts("Moeten de MAP doen", m => m.MapHours?.Newcomers, drawn: false),
             Counts($"{Dutch.Number(required)} uur gehaald", m => m.MapHours?.Reached, drawn: false)],
            required, $"{Dutch.Number(required)} uur nodig"));
        return groups;
    }
}
