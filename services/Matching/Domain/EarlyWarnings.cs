using Google.Protobuf.WellKnownTypes;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>Settings of the early warnings (section "Warnings"); docs/configuration.md gives their defaults and why.</summary>
public sealed class WarningOptions
{
    public const string Section = "Warnings";

    /// <summary>Weeks from registration without any proposal before a newcomer is named.</summary>
    public int NoProposalWeeks { get; set; } = 6;

    /// <summary>Months from the inburgering start by which the 40 MAP hours should be done: half a year before the 3-year deadline, to leave room.</summary>
    public int MapTargetMonths { get; set; } = 30;

    /// <summary>Hours the MAP may fall behind the straight line before a newcomer is named: a week's volunteering or so.</summary>
    public double MapSlackHours { get; set; } = 4;

    /// <summary>Weeks a match that ended early stays a warning when nothing new is proposed.</summary>
    public int EndedEarlyWeeks { get; set; } = 8;

    public WarningThresholds Thresholds() => new()
    {
        NoProposalWeeks = NoProposalWeeks, MapTargetMonths = MapTargetMonths, MapSlackHours = MapSlackHours, EndedEarlyWeeks = EndedEarlyWeeks,
    };
}

/// <summary>
/// The one home of the early-warning rules: which newcomer of a caseload is at risk, and the facts
/// that say so. Paused and closed newcomers get none: nobody is matching them on purpose.
/// </summary>
public static class EarlyWarnings
{
    /// <summary>The inburgering deadline runs this many years from its start (Wet inburgering 2021).</summary>
    public const int InburgeringYears = 3;

    /// <summary>Ending codes that are a step forward, not a risk: the newcomer left for paid work or education.</summary>
    public static readonly EndReason[] StepsForward = [EndReason.PaidWork, EndReason.Education];

    /// <param name="matches">Every match of the newcomer, in any state.</param>
    public static IEnumerable<EarlyWarning> Of(NewcomerEntry n, IReadOnlyCollection<Match> matches, DateTimeOffset now, WarningOptions options)
    {
        if (!n.Active) yield break;
        if (NoProposal(n, matches, now, options) is { } waiting)
            yield return new EarlyWarning { Kind = EarlyWarningKind.NoProposal, NewcomerId = n.Id, CaseworkerId = n.CaseworkerId, NoProposal = waiting };
        if (MapBehind(n, DateOnly.FromDateTime(now.UtcDateTime), options) is { } behind)
            yield return new EarlyWarning { Kind = EarlyWarningKind.MapBehind, NewcomerId = n.Id, CaseworkerId = n.CaseworkerId, MapBehind = behind };
        if (EndedEarly(matches, now, options) is { } ended)
            yield return new EarlyWarning { Kind = EarlyWarningKind.EndedEarly, NewcomerId = n.Id, CaseworkerId = n.CaseworkerId, EndedEarly = ended };
    }

    /// <summary>Never proposed (in any state, withdrawn ones too), and registered at least NoProposalWeeks ago.</summary>
    public static NoProposalFacts? NoProposal(NewcomerEntry n, IReadOnlyCollection<Match> matches, DateTimeOffset now, WarningOptions options)
    {
        if (matches.Count > 0 || n.Registered is not { } registered) return null;
        var waited = now - registered;
        if (waited < TimeSpan.FromDays(7 * options.NoProposalWeeks)) return null;
        return new NoProposalFacts { RegisteredTime = Timestamp.FromDateTimeOffset(registered), WeeksWaiting = (int)(waited.TotalDays / 7) };
    }

    /// <summary>
    /// The pace: 0 hours at the inburgering start, 40 on the target date, a straight line between
    /// (by whole days). Named when the hours done are more than MapSlackHours under that line.
    /// Not for the onderwijsroute, which has no MAP, nor without a recorded start.
    /// </summary>
    public static MapBehindFacts? MapBehind(NewcomerEntry n, DateOnly today, WarningOptions options)
    {
        if (n.MapExempt || n.InburgeringStart is not { } start || n.MapHoursDone >= FeatureExtractor.MapHoursRequired) return null;
        var target = start.AddMonths(options.MapTargetMonths);
        var expected = FeatureExtractor.MapHoursRequired * Math.Clamp((double)(today.DayNumber - start.DayNumber) / (target.DayNumber - start.DayNumber), 0, 1);
        if (expected - n.MapHoursDone <= options.MapSlackHours) return null;
        return new MapBehindFacts
        {
            HoursDone = n.MapHoursDone, HoursExpected = Math.Round(expected, 1), HoursRequired = FeatureExtractor.MapHoursRequired,
            InburgeringStart = Day(start), TargetDate = Day(target), Deadline = Day(start.AddYears(InburgeringYears)),
        };
    }

    /// <summary>
    /// The latest match that ENDED (stopped early or never started) for a reason other than a step
    /// forward, at most EndedEarlyWeeks ago, with no match proposed since. COMPLETED ended as planned.
    /// </summary>
    public static EndedEarlyFacts? EndedEarly(IReadOnlyCollection<Match> matches, DateTimeOffset now, WarningOptions options)
    {
        var ended = matches.Where(m => m.State == MatchState.Ended && !StepsForward.Contains(m.ReasonCode))
            .Select(m => (Match: m, End: EndTime(m))).OrderByDescending(x => x.End).FirstOrDefault();
        if (ended.Match is null || now - ended.End > TimeSpan.FromDays(7 * options.EndedEarlyWeeks)) return null;
        if (matches.Any(m => m.CreateTime is { } created && created.ToDateTimeOffset() > ended.End)) return null;
        var m = ended.Match;
        return new EndedEarlyFacts
        {
            MatchId = m.Id, OpportunityId = m.OpportunityId, OpportunityTitle = m.OpportunityTitle, Kind = m.Kind, ReasonCode = m.ReasonCode,
            EndTime = Timestamp.FromDateTimeOffset(ended.End),
        };
    }

    private static DateTimeOffset EndTime(Match m) =>
        (m.History.LastOrDefault(h => h.State == MatchState.Ended)?.Time ?? m.UpdateTime)?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;

    private static Google.Type.Date Day(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
