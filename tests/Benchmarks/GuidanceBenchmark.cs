using System.Diagnostics;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Benchmarks;

/// <summary>
/// GetPipGuidance's work against one RecommendOpportunities for the same newcomers, in process, in one
/// run on the dense region (<see cref="InProcessMatching"/>, the heuristic in force): newcomers drawn
/// at random (seed 7), every kind, the recommendation's top 20 without a filter; each newcomer's
/// guidance and recommendation timed one after the other, in alternating order, after a warm-up.
/// </summary>
public static class GuidanceBenchmark
{
    public static void Run(string region, Report report, int warmUp = 1000, int requests = 3000)
    {
        var matching = new InProcessMatching(BenchRegion.Opportunities(region), BenchRegion.Newcomers(region));
        var advisor = new PipAdvisor(matching.Model, matching.Options, matching.Recommender);
        var newcomers = matching.Model.AllNewcomers.Where(n => n.Matchable).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var filter = new OpportunityFilter(new HashSet<string>(), false, 0);
        var ranker = matching.Recommender.InForce;
        var random = new Random(7);
        var (guidance, recommendation) = (new List<double>(), new List<double>());
        var (changes, considered, eligible, good) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < warmUp + requests; i++)
        {
            var n = newcomers[random.Next(newcomers.Count)];
            // Alternating which goes first, so that neither always finds the caches warmed by the other.
            double g, r;
            if (i % 2 == 0) (g, r) = (Guidance(n), Recommendation(n));
            else (r, g) = (Recommendation(n), Guidance(n));
            if (i < warmUp) continue;
            guidance.Add(g);
            recommendation.Add(r);
        }

        double Guidance(NewcomerEntry n)
        {
            var start = Stopwatch.GetTimestamp();
            var answer = advisor.For(n, null, ranker);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            changes.Add(answer.Changes.Count);
            considered.Add(answer.Considered);
            eligible.Add(answer.Eligible);
            good.Add(answer.Good);
            return elapsed;
        }

        double Recommendation(NewcomerEntry n)
        {
            var start = Stopwatch.GetTimestamp();
            matching.Recommender.ForNewcomer(n, MatchingReadModel.AllKinds, 20, filter);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var (g50, g99, r50, r99) = (Measure.Percentile(guidance, 50), Measure.Percentile(guidance, 99), Measure.Percentile(recommendation, 50), Measure.Percentile(recommendation, 99));
        report.Add($"GetPipGuidance in process, every kind, heuristic, against RecommendOpportunities (top 20) for the same {Report.Thousands(requests)} newcomers, alternating: p50 / p99",
            "≤ 3× at p50 and p99",
            $"guidance {Report.Ms(g50)} / {Report.Ms(g99)}, recommendation {Report.Ms(r50)} / {Report.Ms(r99)}: {g50 / r50:0.0}× at p50, {g99 / r99:0.0}× at p99 " +
            $"(opportunities within the widest reach tried: median {Report.Thousands(Measure.Percentile(considered, 50))}; changes with a gain: median {Measure.Percentile(changes, 50):0}; " +
            $"eligible now: median {Report.Thousands(Measure.Percentile(eligible, 50))}, good now: median {Report.Thousands(Measure.Percentile(good, 50))}, p99 {Report.Thousands(Measure.Percentile(good, 99))})");
    }
}
