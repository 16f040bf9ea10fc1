using Newcomers.Contracts.V1;

namespace Newcomers.Host.Demo;

/// <summary>
/// The demo region's past year, planned from a fixed seed: when each newcomer registered, what was
/// proposed to them and how each proposal went (declined by either side with a code, accepted,
/// started, completed with MAP hours or ended early), when their Dutch rose, and who paused.
/// Steps that would fall after <c>now</c> are left out: those stories are still going on.
/// Some newcomers get no proposal at all, so the early warnings have someone to name.
/// </summary>
public static class DemoTimeline
{
    public enum Act { Register, Propose, DeclineByNewcomer, DeclineByProvider, Accept, Start, Complete, End, RaiseDutch, Pause }

    /// <summary>One newcomer's story as it is played: the matches proposed so far, by their place in the plan.</summary>
    public sealed class Life(Newcomer newcomer)
    {
        public Newcomer Newcomer { get; } = newcomer;
        public List<Opportunity> Planned { get; } = [];
        public Dictionary<int, string> MatchIds { get; } = [];
    }

    public sealed record Step(DateTimeOffset At, Life Life, Act Act, int Match = -1, EndReason Reason = EndReason.Unspecified, double Hours = 0);

    public const int Days = 365;

    private static readonly EndReason[] NewcomerDeclines = [EndReason.Schedule, EndReason.Travel, EndReason.HealthOrCare, EndReason.Language];
    private static readonly EndReason[] ProviderDeclines = [EndReason.PlaceUnavailable, EndReason.Language, EndReason.NoFit];
    private static readonly EndReason[] EarlyEnds = [EndReason.PaidWork, EndReason.Education, EndReason.HealthOrCare, EndReason.Moved, EndReason.NoShow, EndReason.Schedule];

    /// <summary>The steps in the order they happened. Sets each newcomer's inburgering start, a few weeks before it registered.</summary>
    public static List<Step> Plan(DemoRegion.Region region, DateTimeOffset now, int seed = 2026)
    {
        var random = new Random(seed);
        var start = now.AddDays(-Days);
        var steps = new List<Step>();
        foreach (var town in region.Newcomers.GroupBy(n => n.MunicipalityCode))
        {
            var offers = region.Opportunities.Where(o => o.MunicipalityCode == town.Key).ToLookup(o => o.Kind);
            var members = town.ToList();
            // Registration order is drawn, so the first newcomers of a town are not all the oldest.
            var slots = Enumerable.Range(0, members.Count).OrderBy(_ => random.Next()).ToArray();
            for (var i = 0; i < members.Count; i++)
            {
                var registered = start.AddDays((slots[i] + random.NextDouble()) * (Days - 2) / members.Count).Date.AddHours(9 + random.Next(7));
                var at = new DateTimeOffset(registered, TimeSpan.Zero);
                var life = new Life(members[i]);
                life.Newcomer.InburgeringStart = Day(at.AddDays(-random.Next(0, 60)));
                Story(random, life, at, offers, steps);
            }
        }
        return [.. steps.Where(s => s.At < now).OrderBy(s => s.At)];
    }

    private static void Story(Random random, Life life, DateTimeOffset registered, ILookup<OpportunityKind, Opportunity> offers, List<Step> steps)
    {
        var n = life.Newcomer;
        steps.Add(new Step(registered, life, Act.Register));
        if (random.NextDouble() < 0.5 && n.DutchLevel < CefrLevel.B2)
            steps.Add(new Step(registered.AddDays(random.Next(60, 300)), life, Act.RaiseDutch));
        // About one in twelve waits without any proposal: the caseworker has not got round to them.
        if (!n.Consent.Matching || random.NextDouble() < 0.08) return;
        var kinds = n.PipGoals.Select(Kind).OfType<OpportunityKind>().Distinct().ToArray();
        if (kinds.Length == 0) return;
        var t = registered.AddDays(3 + Math.Min(60, -Math.Log(1 - random.NextDouble()) * 14));
        for (var k = 0; k < 3; k++)
        {
            var opportunity = Pick(random, offers[kinds[k % kinds.Length]], n.DutchLevel);
            if (opportunity is null) return;
            life.Planned.Add(opportunity);
            steps.Add(new Step(t, life, Act.Propose, k));
            var answered = t.AddDays(random.Next(1, 8));
            var r = random.NextDouble();
            if (r < 0.25)
            {
                var newcomerDeclines = r < 0.14;
                var reasons = newcomerDeclines ? NewcomerDeclines : ProviderDeclines;
                steps.Add(new Step(answered, life, newcomerDeclines ? Act.DeclineByNewcomer : Act.DeclineByProvider, k, reasons[random.Next(reasons.Length)]));
                t = answered.AddDays(random.Next(4, 21));
                continue;
            }
            steps.Add(new Step(answered, life, Act.Accept, k));
            var started = answered.AddDays(random.Next(3, 15));
            steps.Add(new Step(started, life, Act.Start, k));
            DateTimeOffset finished;
            if (random.NextDouble() < 0.2)
            {
                finished = started.AddDays(random.Next(10, 60));
                steps.Add(new Step(finished, life, Act.End, k, EarlyEnds[random.Next(EarlyEnds.Length)]));
            }
            else
            {
                finished = started.AddDays(random.Next(30, 100));
                var hours = opportunity.Kind == OpportunityKind.WorkPlacement ? random.Next(4, 9) * 5 : random.Next(2, 7) * 5;
                steps.Add(new Step(finished, life, Act.Complete, k, Hours: hours));
            }
            t = finished.AddDays(random.Next(7, 45));
        }
        if (random.NextDouble() < 0.06) steps.Add(new Step(t.AddDays(random.Next(5, 30)), life, Act.Pause));
    }

    private static OpportunityKind? Kind(PipGoal goal) => goal switch
    {
        PipGoal.Work or PipGoal.Entrepreneurship => OpportunityKind.WorkPlacement,
        PipGoal.Volunteering => OpportunityKind.Volunteering,
        PipGoal.Buddy => OpportunityKind.LanguageBuddy,
        _ => null,
    };

    /// <summary>One of the town's offers of the kind the newcomer's Dutch is good enough for (any, when none is).</summary>
    private static Opportunity? Pick(Random random, IEnumerable<Opportunity> offers, CefrLevel dutch)
    {
        var all = offers.ToList();
        var fitting = all.Where(o => o.RequiredDutchLevel <= dutch).ToList();
        var from = fitting.Count > 0 ? fitting : all;
        return from.Count == 0 ? null : from[random.Next(from.Count)];
    }

    private static Google.Type.Date Day(DateTimeOffset t) => new() { Year = t.Year, Month = t.Month, Day = t.Day };
}
