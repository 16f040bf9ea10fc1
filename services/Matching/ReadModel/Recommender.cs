using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Candidate generation over the read model, and ranking. The hard constraints of
/// <see cref="Eligibility"/> first, counted one by one; the spatial grid means only cells within
/// reach are visited, nearest first, and a block of spots whose heuristic bound cannot enter the
/// top list (<see cref="BlockBound"/>) is checked and counted but not scored. The heuristic
/// shortlists the survivors; the ranker in force orders the shortlist; reasons are written for the
/// final list only, and what was shown goes to the impression recorder.
/// </summary>
public sealed class Recommender(MatchingReadModel model, IOptionsMonitor<MatchingOptions> options, TimeProvider clock,
    IRankerInForce? ranker = null, IImpressionRecorder? impressions = null)
{
    private static readonly Comparison<(double SquaredKm, OpportunityCell Cell)> ByDistance = (a, b) => a.SquaredKm.CompareTo(b.SquaredKm);
    [ThreadStatic] private static List<OpportunityCell>? opportunityCells;
    [ThreadStatic] private static List<(double SquaredKm, OpportunityCell Cell)>? cellOrder;
    [ThreadStatic] private static List<GridCell<NewcomerEntry>>? newcomerCells;

    /// <summary>Opportunities for a newcomer, ranked by the given ranker or else the one in force.</summary>
    public RecommendOpportunitiesResponse ForNewcomer(NewcomerEntry n, IReadOnlyList<OpportunityKind> kinds, int limit, OpportunityFilter filter, IRanker? ranking = null)
    {
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, Today());
        var today = eligibility.Today;
        var reach = Eligibility.Reach(n, filter);
        var pairs = model.PairsOf(n.Id);
        var home = new Geo.From(n.Latitude, n.Longitude);
        int considered = 0, eligible = 0;
        ranking ??= InForce;
        var top = new TopList<OpportunityEntry>(ranking.Shortlist(limit, options.CurrentValue));
        var cells = opportunityCells ??= new List<OpportunityCell>(256);
        var nearestFirst = cellOrder ??= new List<(double SquaredKm, OpportunityCell Cell)>(256);
        foreach (var kind in kinds)
        {
            var taking = model.TakingOpportunityCount(kind);
            considered += model.TotalOpportunities(kind);
            eligibility.Remove(Constraint.OpenWithCapacity, model.TotalOpportunities(kind) - taking);
            var inReach = 0;
            cells.Clear();
            model.TakingOpportunities(kind).CellsNear(n.Latitude, n.Longitude, reach, cells);
            // Nearest cells first, so that the top list fills with near places and its threshold rises early.
            nearestFirst.Clear();
            foreach (var cell in cells)
            {
                var (minLatitude, maxLatitude, minLongitude, maxLongitude) = cell.Box;
                nearestFirst.Add((home.SquaredKmToBox(minLatitude, maxLatitude, minLongitude, maxLongitude), cell));
            }
            nearestFirst.Sort(ByDistance);
            foreach (var (_, cell) in nearestFirst)
            {
                var spots = cell.Items;
                foreach (ref readonly var block in cell.Blocks.AsSpan())
                {
                    var nearest = home.SquaredKmToBox(block.MinLatitude, block.MaxLatitude, block.MinLongitude, block.MaxLongitude);
                    // Every spot of the block is at least this far: out of reach, all of them.
                    if (!Eligibility.InReach(nearest, reach)) continue;
                    var scoring = BlockBound.Gate(n, block, Math.Sqrt(nearest), top.Threshold);
                    for (int i = block.Start, end = block.Start + block.Length; i < end; i++)
                    {
                        ref readonly var o = ref spots[i];
                        var squared = home.SquaredKm(o.Latitude, o.Longitude);
                        if (!Eligibility.InReach(squared, reach)) continue;
                        inReach++;
                        var failed = eligibility.Check(n, o, pairs, filter);
                        if (failed != Constraint.Unspecified)
                        {
                            eligibility.Remove(failed);
                            continue;
                        }
                        eligible++;
                        // Checked and counted: the block's bound says whether the spot could still enter the top list.
                        if (scoring == BlockScoring.None || (scoring == BlockScoring.SharingOnly && !BlockBound.Shares(n, o))) continue;
                        var distance = Math.Sqrt(squared);
                        // Most pairs cannot reach the top list even at their best: skip their full extraction.
                        if (HeuristicRanker.Score(FeatureExtractor.Optimistic(n, o, distance)) < top.Threshold) continue;
                        top.Offer(HeuristicRanker.Score(FeatureExtractor.Extract(n, o, distance, today)), distance, o.Id, o.Entry);
                    }
                }
            }
            // The grid holds only opportunities that take newcomers, and the cells within reach are all that is visited.
            eligibility.Remove(Constraint.TravelDistance, Math.Max(0, taking - inReach));
        }
        nearestFirst.Clear();
        cells.Clear();

        var response = new RecommendOpportunitiesResponse { Considered = considered, Eligible = eligible, Ranker = ranking.Name, RequestId = Ids.New() };
        response.Removed.Add(eligibility.Removed(Eligibility.ForNewcomerCounted));
        var ranked = Rank(top, ranking, limit, (o, distance) => FeatureExtractor.Extract(n, o, distance, today), o => o.Id);
        var shownAt = clock.GetUtcNow();
        var shown = new List<SuggestionShown>(ranked.Count);
        foreach (var r in ranked)
        {
            response.Suggestions.Add(new OpportunitySuggestion
            {
                OpportunityId = r.Item.Id, Kind = r.Item.Kind, Title = r.Item.Title, Score = Math.Round(r.DisplayScore, 4), DistanceKm = Math.Round(r.Distance, 2),
                PlacesLeft = r.Item.PlacesLeft, Reasons = { ReasonWriter.Write(r.Contributions, r.Features, n, r.Item, model.Vocabulary) },
                StartDate = r.Item.Start is { } start ? new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day } : null,
                ProviderId = r.Item.ProviderId,
            });
            shown.Add(new SuggestionShown(shown.Count + 1, NewcomerId: "", OpportunityId: r.Item.Id, r.Features, r.HeuristicScore));
        }
        impressions?.Record(new RecommendationShown(response.RequestId, n.Id, OpportunityId: "", response.Ranker, shownAt, shown));
        return response;
    }

    /// <summary>Newcomers for an opportunity; those outside the caller's scope count as removed by the request filter.</summary>
    public RecommendNewcomersResponse ForOpportunity(OpportunityEntry o, int limit, Func<NewcomerEntry, bool>? inScope = null, IRanker? ranking = null)
    {
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, Today());
        var today = eligibility.Today;
        // The grid holds consenting, active newcomers only.
        eligibility.Remove(Constraint.Consent, model.NewcomerCount - model.MatchableNewcomerCount);
        int inReach = 0, eligible = 0;
        var place = new Geo.From(o.Latitude, o.Longitude);
        var pairs = model.Pairs;
        ranking ??= InForce;
        var top = new TopList<NewcomerEntry>(ranking.Shortlist(limit, options.CurrentValue));
        var cells = newcomerCells ??= new List<GridCell<NewcomerEntry>>(256);
        cells.Clear();
        model.MatchableNewcomers.CellsNear(o.Latitude, o.Longitude, model.WidestTravelKm, cells);
        foreach (var cell in cells)
            foreach (var n in cell.Items)
            {
                var squared = place.SquaredKm(n.Latitude, n.Longitude);
                if (!Eligibility.InReach(squared, n.MaxKm)) continue;
                inReach++;
                var failed = eligibility.Check(n, o, pairs, inScope);
                if (failed != Constraint.Unspecified)
                {
                    eligibility.Remove(failed);
                    continue;
                }
                eligible++;
                var distance = Math.Sqrt(squared);
                top.Offer(HeuristicRanker.Score(FeatureExtractor.Extract(n, o, distance, today)), distance, n.Id, n);
            }
        cells.Clear();
        eligibility.Remove(Constraint.TravelDistance, Math.Max(0, model.MatchableNewcomerCount - inReach));

        var response = new RecommendNewcomersResponse { Considered = model.NewcomerCount, Eligible = eligible, Ranker = ranking.Name, RequestId = Ids.New() };
        response.Removed.Add(eligibility.Removed(Eligibility.ForOpportunityCounted));
        var shownAt = clock.GetUtcNow();
        var ranked = Rank(top, ranking, limit, (n, distance) => FeatureExtractor.Extract(n, o, distance, today), n => n.Id);
        var shown = new List<SuggestionShown>(ranked.Count);
        foreach (var r in ranked)
        {
            response.Suggestions.Add(new NewcomerSuggestion
            {
                NewcomerId = r.Item.Id, Score = Math.Round(r.DisplayScore, 4), DistanceKm = Math.Round(r.Distance, 2),
                Reasons = { ReasonWriter.Write(r.Contributions, r.Features, r.Item, o, model.Vocabulary) },
            });
            shown.Add(new SuggestionShown(shown.Count + 1, NewcomerId: r.Item.Id, OpportunityId: "", r.Features, r.HeuristicScore));
        }
        impressions?.Record(new RecommendationShown(response.RequestId, NewcomerId: "", o.Id, response.Ranker, shownAt, shown));
        return response;
    }

    /// <summary>Score and reasons of one pair, for a proposal made outside the recommendations.</summary>
    public (double Score, List<Reason> Reasons) Explain(NewcomerEntry n, OpportunityEntry o)
    {
        var features = FeatureExtractor.Extract(n, o, Math.Sqrt(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude)), Today());
        var ranking = InForce;
        var (score, contributions) = (ranking.DisplayScore(ranking.Score(features)), ranking.Contributions(features));
        return (Math.Round(score, 4), ReasonWriter.Write(contributions, features, n, o, model.Vocabulary));
    }

    /// <summary>The first hard constraint the pair fails today, as a recommendation applies them, or Unspecified.</summary>
    public Constraint Failing(NewcomerEntry n, OpportunityEntry o)
    {
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, Today());
        if (!o.TakesNewcomersOn(eligibility.Today)) return Constraint.OpenWithCapacity;
        if (!Eligibility.InReach(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude), n.MaxKm)) return Constraint.TravelDistance;
        return eligibility.Check(n, o, model.Pairs, inScope: null);
    }

    /// <summary>The ranker in force: the promoted model, or the heuristic.</summary>
    public IRanker InForce => ranker?.Ranker ?? HeuristicRanker.Instance;

    /// <summary>The pair quality in force, on one scale for every newcomer (for cohorts).</summary>
    public IPairQuality QualityInForce => ranker?.Quality ?? HeuristicQuality.Instance;

    /// <summary>The final list: the heuristic's shortlist ordered by the ranker, with each pair's contributions.</summary>
    private static List<Ranked<T>> Rank<T>(TopList<T> shortlist, IRanker ranking, int limit, Func<T, double, FitFeatures> extract, Func<T, string> id)
        where T : class
    {
        var final = new TopList<Ranked<T>>(limit);
        foreach (var (heuristic, distance, item) in shortlist.Items())
        {
            var features = extract(item, distance);
            final.Offer(ranking.Score(features), distance, id(item), new Ranked<T>(item, distance, features, 0, heuristic, []));
        }
        return final.Items().Select(r => r.Item with { DisplayScore = ranking.DisplayScore(r.Score), Contributions = ranking.Contributions(r.Item.Features) }).ToList();
    }

    private sealed record Ranked<T>(T Item, double Distance, FitFeatures Features, double DisplayScore, double HeuristicScore,
        IReadOnlyList<(ReasonKind Kind, double Contribution)> Contributions);

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
