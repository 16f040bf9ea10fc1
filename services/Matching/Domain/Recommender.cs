using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Candidate generation and ranking. Hard constraints first, counted one by one; the spatial grid
/// means only cells within reach are visited. Survivors are scored and the best kept; reasons are
/// written for those only.
/// </summary>
public sealed class Recommender(MatchingReadModel model, IOptionsMonitor<MatchingOptions> options, TimeProvider clock)
{
    [ThreadStatic] private static List<OpportunitySpot[]>? opportunityCells;
    [ThreadStatic] private static List<NewcomerEntry[]>? newcomerCells;

    public RecommendOpportunitiesResponse ForNewcomer(NewcomerEntry n, IReadOnlyList<OpportunityKind> kinds, int limit, OpportunityFilter filter)
    {
        var today = Today();
        var todayNumber = today.DayNumber;
        var radius = filter.MaxDistanceKm > 0 ? Math.Min(filter.MaxDistanceKm, n.MaxKm) : n.MaxKm;
        var lowest = options.CurrentValue.MaxDutchStepsBelow;
        var pairs = model.PairsOf(n.Id);
        var home = new Geo.From(n.Latitude, n.Longitude);
        var radiusSquared = radius * radius;
        var count = new int[9];
        int considered = 0, eligible = 0;
        var top = new TopList<OpportunityEntry>(limit);
        var cells = opportunityCells ??= new List<OpportunitySpot[]>(256);
        foreach (var kind in kinds)
        {
            var taking = model.TakingOpportunityCount(kind);
            considered += model.TotalOpportunities(kind);
            count[(int)Constraint.OpenWithCapacity] += model.TotalOpportunities(kind) - taking;
            var inReach = 0;
            cells.Clear();
            model.TakingOpportunities(kind).CellsNear(n.Latitude, n.Longitude, radius, cells);
            foreach (var cell in cells)
                for (var i = 0; i < cell.Length; i++)
                {
                    ref readonly var o = ref cell[i];
                    var squared = home.SquaredKm(o.Latitude, o.Longitude);
                    if (squared > radiusSquared) continue;
                    inReach++;
                    var failed = o.EndDay < todayNumber ? Constraint.OpenWithCapacity
                        : n.Dutch < o.RequiredDutch - lowest ? Constraint.DutchLevel
                        : (n.WeekMask & o.WeekMask) == 0 ? Constraint.Availability
                        : !pairs.IsEmpty && pairs.Excludes(o.Id) ? Constraint.NotDeclinedBefore
                        : kind == OpportunityKind.LanguageBuddy && !BuddyFits(n, o.Entry) ? Constraint.BuddyPreference
                        : !filter.IsEmpty && !filter.Admits(o.Entry) ? Constraint.RequestFilter
                        : Constraint.Unspecified;
                    if (failed != Constraint.Unspecified)
                    {
                        count[(int)failed]++;
                        continue;
                    }
                    eligible++;
                    var distance = Math.Sqrt(squared);
                    // Most pairs cannot reach the top list even at their best: skip their full extraction.
                    if (HeuristicRanker.Score(FeatureExtractor.Optimistic(n, o, distance)) < top.Threshold) continue;
                    top.Offer(HeuristicRanker.Score(FeatureExtractor.Extract(n, o.Entry, distance, today)), distance, o.Id, o.Entry);
                }
            count[(int)Constraint.TravelDistance] += Math.Max(0, taking - inReach);
        }
        cells.Clear();

        var response = new RecommendOpportunitiesResponse { Considered = considered, Eligible = eligible, Ranker = HeuristicRanker.Name, RequestId = Ids.New() };
        response.Removed.Add(Counts(count, Constraint.OpenWithCapacity, Constraint.TravelDistance, Constraint.DutchLevel, Constraint.Availability,
            Constraint.NotDeclinedBefore, Constraint.BuddyPreference, Constraint.RequestFilter));
        foreach (var (score, distance, o) in top.Items())
        {
            var features = FeatureExtractor.Extract(n, o, distance, today);
            response.Suggestions.Add(new OpportunitySuggestion
            {
                OpportunityId = o.Id, Kind = o.Kind, Title = o.Title, Score = Math.Round(score, 4), DistanceKm = Math.Round(distance, 2),
                PlacesLeft = o.PlacesLeft, Reasons = { ReasonWriter.Write(HeuristicRanker.Contributions(features), features, n, o, model.Vocabulary) },
            });
        }
        return response;
    }

    public RecommendNewcomersResponse ForOpportunity(OpportunityEntry o, int limit)
    {
        var today = Today();
        var lowest = options.CurrentValue.MaxDutchStepsBelow;
        var count = new int[9];
        count[(int)Constraint.Consent] = model.NewcomerCount - model.MatchableNewcomerCount;
        int inReach = 0, eligible = 0;
        var place = new Geo.From(o.Latitude, o.Longitude);
        var top = new TopList<NewcomerEntry>(limit);
        var cells = newcomerCells ??= new List<NewcomerEntry[]>(256);
        cells.Clear();
        model.MatchableNewcomers.CellsNear(o.Latitude, o.Longitude, model.WidestTravelKm, cells);
        foreach (var cell in cells)
            foreach (var n in cell)
            {
                var squared = place.SquaredKm(n.Latitude, n.Longitude);
                if (squared > n.MaxKm * n.MaxKm) continue;
                inReach++;
                var failed = n.Dutch < o.RequiredDutch - lowest ? Constraint.DutchLevel
                    : (n.WeekMask & o.WeekMask) == 0 ? Constraint.Availability
                    : model.PairsOf(n.Id).Excludes(o.Id) ? Constraint.NotDeclinedBefore
                    : !BuddyFits(n, o) ? Constraint.BuddyPreference
                    : Constraint.Unspecified;
                if (failed != Constraint.Unspecified)
                {
                    count[(int)failed]++;
                    continue;
                }
                eligible++;
                var distance = Math.Sqrt(squared);
                top.Offer(HeuristicRanker.Score(FeatureExtractor.Extract(n, o, distance, today)), distance, n.Id, n);
            }
        cells.Clear();
        count[(int)Constraint.TravelDistance] = Math.Max(0, model.MatchableNewcomerCount - inReach);

        var response = new RecommendNewcomersResponse { Considered = model.NewcomerCount, Eligible = eligible, Ranker = HeuristicRanker.Name, RequestId = Ids.New() };
        response.Removed.Add(Counts(count, Constraint.Consent, Constraint.TravelDistance, Constraint.DutchLevel, Constraint.Availability,
            Constraint.NotDeclinedBefore, Constraint.BuddyPreference));
        foreach (var (score, distance, n) in top.Items())
        {
            var features = FeatureExtractor.Extract(n, o, distance, today);
            response.Suggestions.Add(new NewcomerSuggestion
            {
                NewcomerId = n.Id, Score = Math.Round(score, 4), DistanceKm = Math.Round(distance, 2),
                Reasons = { ReasonWriter.Write(HeuristicRanker.Contributions(features), features, n, o, model.Vocabulary) },
            });
        }
        return response;
    }

    /// <summary>Score and reasons of one pair, for a proposal made outside the recommendations.</summary>
    public (double Score, List<Reason> Reasons) Explain(NewcomerEntry n, OpportunityEntry o)
    {
        var features = FeatureExtractor.Extract(n, o, Math.Sqrt(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude)), Today());
        return (Math.Round(HeuristicRanker.Score(features), 4), ReasonWriter.Write(HeuristicRanker.Contributions(features), features, n, o, model.Vocabulary));
    }

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static bool BuddyFits(NewcomerEntry n, OpportunityEntry o) =>
        o.Kind != OpportunityKind.LanguageBuddy || n.BuddyGender == Gender.Unspecified || n.BuddyGender == o.BuddyGender;

    private static IEnumerable<ConstraintCount> Counts(int[] count, params Constraint[] order) =>
        order.Select(c => new ConstraintCount { Constraint = c, Removed = count[(int)c] });
}

/// <summary>The optional filters of a recommendation request.</summary>
public sealed record OpportunityFilter(IReadOnlySet<string> Municipalities, bool OnlyMapEligible, double MaxDistanceKm)
{
    public bool IsEmpty { get; } = Municipalities.Count == 0 && !OnlyMapEligible;

    public bool Admits(OpportunityEntry o) =>
        (Municipalities.Count == 0 || Municipalities.Contains(o.MunicipalityCode)) && (!OnlyMapEligible || o.CountsTowardsMap);
}
