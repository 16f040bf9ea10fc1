using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Guidance for the PIP: which single <see cref="ProfileChange"/> would open the most good matches
/// for a newcomer. One walk over the spots within the widest reach tried, with the hard constraints
/// of a recommendation (<see cref="Eligibility.Check(NewcomerEntry, in OpportunitySpot, PairHistory, OpportunityFilter)"/>,
/// no request filter): a spot eligible now is counted and kept; a spot that fails one constraint is
/// checked again with the newcomer changed as far as the changes go, and when that passes, it counts
/// for every change that lifts the constraint it failed. Then <see cref="GuidanceTally"/> lets the
/// ranker in force score the best candidates by the heuristic's bound only. Nothing is written.
/// </summary>
public sealed class PipAdvisor(MatchingReadModel model, IOptionsMonitor<MatchingOptions> options, Recommender recommender)
{
    private static readonly OpportunityFilter NoFilter = new(new HashSet<string>(), false, 0);

    public PipGuidance For(NewcomerEntry n, OpportunityKind? kind, IRanker ranking)
    {
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, recommender.Today());
        var tried = ProfileChanges.Tried(n);
        var tally = new GuidanceTally(n, tried, ranking, eligibility.Today);
        foreach (var change in tried) tally.Add(change);
        var widest = ProfileChanges.WidestKm(n, tried);
        // The newcomer changed as far as every change of a kind goes: a spot that fails these fails every single change of the kind.
        var mostDutch = tried.LastOrDefault(c => c.Kind == PipChangeKind.DutchLevel)?.Changed;
        var wholeWeek = n with { WeekMask = tried.Where(c => c.Kind == PipChangeKind.DayPart).Aggregate(n.WeekMask, (mask, c) => mask | c.PartBit) };
        var (dutch, reach, parts) = (Indices(tried, PipChangeKind.DutchLevel), Indices(tried, PipChangeKind.TravelDistance), Indices(tried, PipChangeKind.DayPart));
        var pairs = model.PairsOf(n.Id);
        var home = new Geo.From(n.Latitude, n.Longitude);
        var considered = 0;
        var cells = new List<OpportunityCell>(256);
        foreach (var k in kind is { } one ? [one] : MatchingReadModel.AllKinds)
        {
            cells.Clear();
            model.TakingOpportunities(k).CellsNear(n.Latitude, n.Longitude, widest, cells);
            foreach (var cell in cells)
            {
                var spots = cell.Items;
                foreach (ref readonly var block in cell.Blocks.AsSpan())
                {
                    var nearest = home.SquaredKmToBox(block.MinLatitude, block.MaxLatitude, block.MinLongitude, block.MaxLongitude);
                    if (!Eligibility.InReach(nearest, widest)) continue;
                    // Beyond the newcomer's reach only a farther reach can open a spot, and only one that passes everything else now.
                    if (!Eligibility.InReach(nearest, n.MaxKm) && !eligibility.MayPass(n, block))
                    {
                        considered += InReach(home, spots, block, widest);
                        continue;
                    }
                    // No spot of the block can be good with any change: its spots are checked and counted, never bounded one by one.
                    var hope = tally.Hopes(block, Math.Sqrt(nearest));
                    for (int i = block.Start, end = block.Start + block.Length; i < end; i++)
                    {
                        ref readonly var o = ref spots[i];
                        var squared = home.SquaredKm(o.Latitude, o.Longitude);
                        if (!Eligibility.InReach(squared, widest)) continue;
                        considered++;
                        var failed = Eligibility.InReach(squared, n.MaxKm) ? eligibility.Check(n, o, pairs, NoFilter) : Constraint.TravelDistance;
                        if (failed == Constraint.Unspecified)
                        {
                            tally.Eligible(spots, i, squared, hope);
                            continue;
                        }
                        var (again, lifting) = failed switch
                        {
                            Constraint.TravelDistance => (n, reach),
                            Constraint.DutchLevel => (mostDutch, dutch),
                            Constraint.Availability => (wholeWeek, parts),
                            _ => (null, []),
                        };
                        if (again is null || lifting.Length == 0 || eligibility.Check(again, o, pairs, NoFilter) != Constraint.Unspecified) continue;
                        tally.Opens(o, squared, failed, lifting, eligibility, hope);
                    }
                }
            }
        }
        tally.CountGoodNow();
        foreach (var skill in ProfileChanges.Skills(n, tally.SkillsAsked, model.Vocabulary).ToList()) tally.Add(skill);
        tally.OfferImproved();
        return Guidance(n, kind, ranking, tally, considered);
    }

    private static PipGuidance Guidance(NewcomerEntry n, OpportunityKind? kind, IRanker ranking, GuidanceTally tally, int considered)
    {
        var guidance = new PipGuidance
        {
            NewcomerId = n.Id, Ranker = ranking.Name, GoodScore = ranking.GoodScore, Eligible = tally.EligibleCount, Good = tally.GoodCount, Considered = considered,
        };
        var gains = tally.Changes.Select((change, c) => (change, gain: tally.Gain(c))).Where(g => g.gain.Eligible > 0 || g.gain.Good > 0);
        foreach (var (change, (eligible, good)) in gains.OrderByDescending(g => g.gain.Good).ThenByDescending(g => g.gain.Eligible))
        {
            var (nl, en) = GuidanceWriter.Write(change, n, kind, eligible, good);
            var shown = new Contracts.V1.PipChange { Kind = change.Kind, EligibleGain = eligible, GoodGain = good, TextNl = nl, TextEn = en };
            switch (change.Kind)
            {
                case PipChangeKind.DutchLevel: shown.DutchLevel = (CefrLevel)((int)change.Value + 1); break;
                case PipChangeKind.TravelDistance: shown.MaxTravelKm = change.Value; break;
                case PipChangeKind.DayPart: shown.DayPart = (DayPart)(int)change.Value; break;
                case PipChangeKind.Hours: shown.HoursPerWeek = (int)change.Value; break;
                case PipChangeKind.Skill: shown.Skill = change.Skill; break;
            }
            guidance.Changes.Add(shown);
        }
        return guidance;
    }

    private static int InReach(Geo.From home, OpportunitySpot[] spots, in SpotBlock block, double km)
    {
        var count = 0;
        for (int i = block.Start, end = block.Start + block.Length; i < end; i++)
            if (Eligibility.InReach(home.SquaredKm(spots[i].Latitude, spots[i].Longitude), km)) count++;
        return count;
    }

    private static int[] Indices(List<ProfileChange> changes, PipChangeKind kind) =>
        [.. changes.Select((c, i) => (c, i)).Where(x => x.c.Kind == kind).Select(x => x.i)];
}
