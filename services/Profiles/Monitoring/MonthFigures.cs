using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Monitoring;

/// <summary>
/// The one home of what each monitoring figure counts (docs/api.md#monitoring): one month of one
/// area, from the facts of its newcomers, every cell through <see cref="SmallCells"/>.
/// </summary>
public sealed class MonthFigures(SmallCells cells)
{
    private static readonly NewcomerStatus[] Statuses = [NewcomerStatus.Active, NewcomerStatus.Paused, NewcomerStatus.Closed];
    private static readonly Leerroute[] Leerroutes = [Leerroute.B1, Leerroute.Onderwijs, Leerroute.Z];
    private static readonly CefrLevel[] Levels = [.. Enum.GetValues<CefrLevel>().Where(l => l != CefrLevel.Unspecified), CefrLevel.Unspecified];
    private static readonly OpportunityKind[] Kinds = [.. Enum.GetValues<OpportunityKind>().Where(k => k != OpportunityKind.Unspecified)];
    private static readonly EndReason[] Reasons = [.. Enum.GetValues<EndReason>().Where(r => r != EndReason.Unspecified), EndReason.Unspecified];
    private static readonly Party[] Deciders = [Party.Provider, Party.Newcomer, Party.Caseworker];

    public MonitoringMonth Of(IReadOnlyList<NewcomerFacts> area, DateOnly month)
    {
        var (start, end) = (MonthRange.Start(month), MonthRange.End(month));
        var registered = area.Where(n => n.RegisteredBefore(end)).ToList();
        var cohort = area.Where(n => n.Registered >= start && n.RegisteredBefore(end)).ToList();
        var matches = area.SelectMany(n => n.Matches).ToList();
        bool In(DateTimeOffset? t) => t >= start && t < end;
        var ended = matches.Where(m => In(NewcomerFacts.Entered(m, MatchState.Ended))).ToList();
        var declined = matches.Where(m => In(NewcomerFacts.Entered(m, MatchState.Declined))).ToList();

        var figures = new MonitoringMonth
        {
            Month = MonthRange.Name(month),
            Newcomers = cells.Count(registered.Count),
            Registered = cells.Count(cohort.Count),
            DaysToFirstProposal = DaysTo(cohort, MatchState.Proposed),
            DaysToFirstAcceptance = DaysTo(cohort, MatchState.Accepted),
            DaysToFirstStart = DaysTo(cohort, MatchState.Started),
            MapHours = Map(registered.Where(n => !n.MapExempt).ToList(), end),
        };
        figures.ByStatus.Add(Statuses.Select(s => new StatusFigure { Status = s, Newcomers = cells.Count(registered.Count(n => n.StatusAt(end) == s)) }));
        figures.ByLeerroute.Add(Leerroutes.Select(l => new LeerrouteFigure { Leerroute = l, Newcomers = cells.Count(registered.Count(n => n.Newcomer.Leerroute == l)) }));
        figures.DutchLevels.Add(Levels.Select(l => new DutchLevelFigure { Level = l, Newcomers = cells.Count(registered.Count(n => n.DutchLevelAt(end) == l)) }));
        figures.Matches.Add(Kinds.Select(kind =>
        {
            var ofKind = matches.Where(m => m.Kind == kind).ToList();
            FigureCount Entered(MatchState state) => cells.Count(ofKind.Count(m => In(NewcomerFacts.Entered(m, state))));
            return new MatchKindFigure
            {
                Kind = kind, Proposed = Entered(MatchState.Proposed), Accepted = Entered(MatchState.Accepted), Started = Entered(MatchState.Started),
                Completed = Entered(MatchState.Completed), Ended = Entered(MatchState.Ended), Declined = Entered(MatchState.Declined),
            };
        }));
        figures.EndedByReason.Add(Reasons.Select(r => new EndReasonFigure { Reason = r, Matches = cells.Count(ended.Count(m => m.ReasonCode == r)) }));
        figures.DeclinedBy.Add(Deciders.Select(p => new DeclinedByFigure { Party = p, Matches = cells.Count(declined.Count(m => m.DeclinedBy == p)) }));
        figures.DeclinedByReason.Add(Reasons.Select(r => new EndReasonFigure { Reason = r, Matches = cells.Count(declined.Count(m => m.ReasonCode == r)) }));
        return figures;
    }

    /// <summary>Days from registration to the first time one of the newcomer's matches entered the state, over the cohort members it happened to.</summary>
    private FigureSpread DaysTo(List<NewcomerFacts> cohort, MatchState state) => cells.Spread(cohort
        .Select(n => n.First(state) is { } first ? (first - n.Registered).TotalDays : (double?)null)
        .OfType<double>().ToList());

    private MapHoursFigure Map(List<NewcomerFacts> mustDoMap, DateTimeOffset end)
    {
        var hours = mustDoMap.Select(n => n.MapHoursAt(end)).ToList();
        return new MapHoursFigure
        {
            HoursRequired = MapHours.Required, Newcomers = cells.Count(hours.Count), Reached = cells.Count(hours.Count(h => h >= MapHours.Required)),
            Hours = cells.Spread(hours),
        };
    }
}
