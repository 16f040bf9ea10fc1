using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Monitoring;

/// <summary>What the figures read of one newcomer: the newcomer, its history (oldest first) and its matches. Never leaves the service.</summary>
public sealed record NewcomerFacts(Newcomer Newcomer, IReadOnlyList<NewcomerHistoryEntry> History, IReadOnlyList<Match> Matches)
{
    public DateTimeOffset Registered => Newcomer.CreateTime.ToDateTimeOffset();

    public bool RegisteredBefore(DateTimeOffset end) => Registered < end;

    /// <summary>The status at the instant, from the history; the current status when the history has no entry before it.</summary>
    public NewcomerStatus StatusAt(DateTimeOffset end)
    {
        var status = Last(NewcomerHistoryField.Status, end)?.ToStatus ?? Newcomer.Status;
        return status == NewcomerStatus.Unspecified ? NewcomerStatus.Active : status;
    }

    public CefrLevel DutchLevelAt(DateTimeOffset end) => Last(NewcomerHistoryField.DutchLevel, end)?.ToDutchLevel ?? Newcomer.DutchLevel;

    /// <summary>
    /// MAP hours at the instant: the hours now, less those credited by matches that finished after
    /// it (a finished match's hours are what the Profiles service adds, <see cref="Events.MapHoursEarnedHandler"/>).
    /// </summary>
    public double MapHoursAt(DateTimeOffset end) => Math.Max(0, Newcomer.MapHoursDone - Matches
        .Where(m => m.CountsTowardsMap && m.HoursCompleted > 0 && Finished(m) is { } finished && finished >= end).Sum(m => m.HoursCompleted));

    public bool MapExempt => MapHours.Exempt(Newcomer.Leerroute);

    /// <summary>When the match first entered the state (PROPOSED: its create time), or null.</summary>
    public static DateTimeOffset? Entered(Match match, MatchState state) => state == MatchState.Proposed
        ? match.CreateTime?.ToDateTimeOffset()
        : match.History.FirstOrDefault(c => c.State == state)?.Time?.ToDateTimeOffset();

    /// <summary>The first time any of the newcomer's matches entered the state, or null.</summary>
    public DateTimeOffset? First(MatchState state) => Matches.Select(m => Entered(m, state)).Where(t => t is not null).Min();

    private static DateTimeOffset? Finished(Match m) => Entered(m, MatchState.Completed) ?? Entered(m, MatchState.Ended);

    private NewcomerHistoryEntry? Last(NewcomerHistoryField field, DateTimeOffset end) =>
        History.LastOrDefault(e => e.Field == field && e.ChangeTime.ToDateTimeOffset() < end);
}
