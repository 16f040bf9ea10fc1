using System.Diagnostics;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// A cohort assignment from request to result: choose the cohort, build the graph of eligible
/// pairs, solve both objectives and the greedy baseline on the same graph, and explain the pairs of
/// the chosen one as a recommendation would. Proposes nothing: staff confirm each pair.
/// </summary>
public sealed class CohortAssigner(MatchingReadModel model, Recommender recommender, IOptionsMonitor<MatchingOptions> options)
{
    public CohortAssignment Assign(CohortRequest request, Action<CohortProgress> progress, CancellationToken cancellationToken)
    {
        var ranker = recommender.InForce;
        var quality = recommender.QualityInForce;
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, recommender.Today());
        var result = new CohortAssignment { RunId = Ids.New(), Kind = request.Kind, Objective = request.Objective, Quality = quality.Name, QualityIsProbability = quality.IsProbability };
        var clock = Stopwatch.StartNew();
        void Stage(string stage) => result.StageTimes.Add(new CohortStageTime { Stage = stage, Milliseconds = Math.Round(clock.Elapsed.TotalMilliseconds, 1) });

        progress(new CohortProgress { Stage = "cohort", Fraction = 0, Message = "choosing the newcomers and opportunities" });
        var cohort = new CohortSelection(model).Select(request.Kind, request.Municipalities, request.Newcomers, request.Opportunities, request.Options.KeepOpenMatches, eligibility.Today);
        if (cohort.Newcomers.Length > CohortRequest.MaxSize || cohort.Opportunities.Length > CohortRequest.MaxSize)
            throw Errors.FailedPrecondition("COHORT_TOO_LARGE", "cohort", $"{cohort.Newcomers.Length} newcomers and {cohort.Opportunities.Length} opportunities; at most {CohortRequest.MaxSize} of each: choose fewer municipalities");
        Stage("cohort");
        clock.Restart();

        var total = cohort.Newcomers.Length;
        progress(new CohortProgress { Stage = "pairs", Fraction = 0.05, Message = $"{total} newcomers and {cohort.Opportunities.Length} opportunities: finding eligible pairs" });
        var lastReport = Stopwatch.StartNew();
        var builder = new CohortGraphBuilder(eligibility, model.PairsOf, quality, request.PairsPerNewcomer, ranker.Shortlist(request.PairsPerNewcomer, options.CurrentValue), request.Options.MaxDistanceKm);
        var graph = builder.Build(cohort, done =>
        {
            if (lastReport.ElapsedMilliseconds < 250) return;
            lastReport.Restart();
            progress(new CohortProgress { Stage = "pairs", Fraction = 0.05 + 0.75 * done / total, Message = $"pairs of {done} of {total} newcomers" });
        }, cancellationToken);
        Stage("pairs");
        clock.Restart();

        progress(new CohortProgress { Stage = "solving", Fraction = 0.8, Message = $"solving over {graph.Arcs.Count} pairs" });
        var leaveNoOne = CohortSolver.Solve(graph, CohortObjective.LeaveNoOneBehind);
        var qualityOnly = CohortSolver.Solve(graph, CohortObjective.QualityOnly);
        Stage("solving");
        clock.Restart();
        var greedy = GreedyAssignment.Solve(graph);
        Stage("greedy");

        var chosen = request.Objective == CohortObjective.QualityOnly ? qualityOnly : leaveNoOne;
        result.LeaveNoOneBehind = Score(leaveNoOne, graph);
        result.QualityOnly = Score(qualityOnly, graph);
        result.Greedy = Score(greedy, graph);
        result.Optimal = chosen.Optimal;
        result.Solver = chosen.Solver;
        result.Newcomers = cohort.Newcomers.Length + cohort.KeptOut.Count;
        result.Opportunities = cohort.Opportunities.Length;
        result.Places = cohort.Places.Sum();
        result.EligiblePairs = graph.EligiblePairs;
        result.GraphPairs = graph.Arcs.Count;
        Explain(result, graph, chosen, greedy.Arcs.ToHashSet(), ranker, quality, eligibility.Today);
        foreach (var (id, reason) in cohort.KeptOut) result.LeftOut.Add(new CohortLeftOut { NewcomerId = id, Reason = reason });
        return result;
    }

    private void Explain(CohortAssignment result, CohortGraph graph, CohortSolution chosen, HashSet<int> greedy, IRanker ranker, IPairQuality quality, DateOnly today)
    {
        var matched = new bool[graph.Newcomers.Length];
        foreach (var a in chosen.Arcs)
        {
            var arc = graph.Arcs[a];
            var unit = graph.Units[arc.Unit];
            var o = graph.Opportunities[arc.Opportunity];
            foreach (var m in unit.Members)
            {
                matched[m] = true;
                var n = graph.Newcomers[m];
                var distance = Math.Sqrt(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude));
                var features = FeatureExtractor.Extract(n, o, distance, today);
                result.Pairs.Add(new CohortPair
                {
                    NewcomerId = n.Id, OpportunityId = o.Id, OpportunityTitle = o.Title, Quality = Math.Round(unit.Size == 1 ? arc.Quality : quality.Quality(features), 4),
                    Score = Math.Round(ranker.DisplayScore(ranker.Score(features)), 4), DistanceKm = Math.Round(distance, 2), HouseholdId = unit.HouseholdId,
                    Reasons = { ReasonWriter.Write(ranker.Contributions(features), features, n, o, model.Vocabulary) }, AlsoGreedy = greedy.Contains(a),
                });
            }
        }
        var sorted = result.Pairs.OrderBy(p => p.NewcomerId, StringComparer.Ordinal).ToList();
        result.Pairs.Clear();
        result.Pairs.Add(sorted);
        for (var i = 0; i < graph.Newcomers.Length; i++)
            if (!matched[i])
                result.LeftOut.Add(new CohortLeftOut
                {
                    NewcomerId = graph.Newcomers[i].Id, EligibleOpportunities = graph.Eligible[i], MostRemovedBy = graph.MostRemovedBy[i],
                    Reason = graph.Eligible[i] == 0 ? CohortLeftOutReason.NoEligibleOpportunity : CohortLeftOutReason.Outbid,
                });
    }

    private static CohortScore Score(CohortSolution solution, CohortGraph graph)
    {
        var (matched, total) = solution.Score(graph);
        return new CohortScore { Matched = matched, TotalQuality = Math.Round(total, 4) };
    }
}
