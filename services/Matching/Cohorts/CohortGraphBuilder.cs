using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// The graph of a cohort: for each newcomer, the cohort's opportunities within reach (a spatial
/// grid of the cohort's own), the hard constraints of <see cref="Eligibility"/> as a recommendation
/// applies them, and the best <c>pairsPerNewcomer</c> eligible pairs by quality. As in a
/// recommendation, the heuristic's bound skips pairs that cannot make the list; when the quality is
/// a model's, the heuristic shortlists and the model's quality chooses among the shortlist. A family
/// buddy takes a household whole: its pairs with the household's members go to the household's
/// unit (<see cref="HouseholdPairs"/>), not to each member's own list.
/// </summary>
public sealed class CohortGraphBuilder(Eligibility eligibility, Func<string, PairHistory> pairsOf, IPairQuality quality, int pairsPerNewcomer, int shortlist, double maxDistanceKm)
{
    private static readonly IReadOnlySet<string> NoMunicipalities = new HashSet<string>();

    public CohortGraph Build(CohortMembers cohort, Action<int>? newcomersDone = null, CancellationToken cancellationToken = default)
    {
        var graph = new CohortGraph(cohort.Newcomers, cohort.Opportunities, cohort.Places);
        var grid = new SpatialGrid<OpportunitySpot, GridCell<OpportunitySpot>>();
        var indexOf = new Dictionary<string, int>(cohort.Opportunities.Length, StringComparer.Ordinal);
        var takingCount = 0;
        for (var o = 0; o < cohort.Opportunities.Length; o++)
        {
            indexOf[cohort.Opportunities[o].Id] = o;
            if (cohort.Places[o] <= 0) continue;
            grid.Add(new OpportunitySpot(cohort.Opportunities[o]));
            takingCount++;
        }
        var filter = new OpportunityFilter(NoMunicipalities, false, maxDistanceKm);
        var heuristicOnly = quality is HeuristicQuality;
        var cells = new List<GridCell<OpportunitySpot>>(256);
        Span<int> removed = stackalloc int[(int)Constraint.RequestFilter + 1];
        var today = eligibility.Today;
        var households = new HouseholdPairs(cohort.Newcomers);
        for (var i = 0; i < cohort.Newcomers.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = cohort.Newcomers[i];
            var unit = graph.AddUnit(CohortUnit.Alone(i));
            removed.Clear();
            var reach = Eligibility.Reach(n, filter);
            var pairs = pairsOf(n.Id);
            var home = new Geo.From(n.Latitude, n.Longitude);
            var top = new TopList<OpportunityEntry>(heuristicOnly ? pairsPerNewcomer : Math.Max(pairsPerNewcomer, shortlist));
            int inReach = 0, eligible = 0;
            cells.Clear();
            grid.CellsNear(n.Latitude, n.Longitude, reach, cells);
            foreach (var cell in cells)
                for (var c = 0; c < cell.Items.Length; c++)
                {
                    ref readonly var o = ref cell.Items[c];
                    var squared = home.SquaredKm(o.Latitude, o.Longitude);
                    if (!Eligibility.InReach(squared, reach)) continue;
                    inReach++;
                    var failed = eligibility.Check(n, o, pairs, filter);
                    if (failed != Constraint.Unspecified)
                    {
                        removed[(int)failed]++;
                        continue;
                    }
                    var distance = Math.Sqrt(squared);
                    if (o.FamilyBuddy && o.Kind == OpportunityKind.LanguageBuddy && households.Holds(i))
                    {
                        var index = indexOf[o.Id];
                        if (!Eligibility.BuddyFits(n, o.Entry, cohort.Places[index]))
                        {
                            removed[(int)Constraint.BuddyPreference]++;
                            continue;
                        }
                        households.Offer(i, index, quality.Quality(FeatureExtractor.Extract(n, o.Entry, distance, today)), distance);
                        eligible++;
                        continue;
                    }
                    eligible++;
                    if (HeuristicRanker.Score(FeatureExtractor.Optimistic(n, o, distance)) < top.Threshold) continue;
                    top.Offer(HeuristicRanker.Score(FeatureExtractor.Extract(n, o.Entry, distance, today)), distance, o.Id, o.Entry);
                }
            removed[(int)Constraint.OpenWithCapacity] += cohort.Opportunities.Length - takingCount;
            removed[(int)Constraint.TravelDistance] += takingCount - inReach;
            graph.Eligible[i] = eligible;
            graph.EligiblePairs += eligible;
            graph.MostRemovedBy[i] = eligible > 0 ? Constraint.Unspecified : MostRemoving(removed);
            foreach (var (q, distance, o) in heuristicOnly ? top.Items() : ByQuality(top, n, today))
                graph.Arcs.Add(new CohortArc(unit, indexOf[o.Id], q, distance));
            newcomersDone?.Invoke(i + 1);
        }
        households.AddTo(graph, pairsPerNewcomer);
        return graph;
    }

    /// <summary>The shortlist's best pairs by the model's quality.</summary>
    private IEnumerable<(double Quality, double Distance, OpportunityEntry Item)> ByQuality(TopList<OpportunityEntry> shortlist, NewcomerEntry n, DateOnly today)
    {
        var best = new TopList<OpportunityEntry>(pairsPerNewcomer);
        foreach (var (_, distance, o) in shortlist.Items()) best.Offer(quality.Quality(FeatureExtractor.Extract(n, o, distance, today)), distance, o.Id, o);
        return best.Items();
    }

    /// <summary>The constraint that removed the most opportunities; on a tie, the one counted first in a recommendation.</summary>
    private static Constraint MostRemoving(ReadOnlySpan<int> removed)
    {
        var most = Constraint.Unspecified;
        foreach (var c in Eligibility.ForNewcomerCounted)
            if (removed[(int)c] > 0 && (most == Constraint.Unspecified || removed[(int)c] > removed[(int)most])) most = c;
        return most;
    }
}
