using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Fairness;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The fairness report of every ranker that ranked, from the impressions and the matches that credit
/// them (<see cref="OutcomeLabels.GradedAsync"/>), joined in memory with the protected attributes of
/// the newcomers who consented. The attributes are read for this report, dropped after it, and never
/// reach a feature or the store.
/// </summary>
public sealed class FairnessReporter(OutcomeLabels outcomes, ImpressionLog impressions, IProtectedAttributeSource attributes, IOptions<FairnessOptions> options,
    TimeProvider clock)
{
    public FairnessFigures Figures => new(new SmallCells(options.Value.MinimumGroupSize));

    public double PromotionMargin => options.Value.PromotionMargin;

    /// <summary>The report of one ranker (its id), or of every ranker when null.</summary>
    public async Task<FairnessReport> ReportAsync(string? ranker, string askedBy, CancellationToken cancellationToken)
    {
        await impressions.FlushAsync(cancellationToken);
        var rankers = new SortedDictionary<string, RankerExposure>(Comparer<string>.Create(Order));
        Impression? last = null;
        await foreach (var (impression, item, grade, credited) in outcomes.GradedAsync(cancellationToken))
        {
            if (ranker is not null && impression.Ranker != ranker) continue;
            if (!rankers.TryGetValue(impression.Ranker, out var exposure)) rankers[impression.Ranker] = exposure = new RankerExposure(impression.Ranker);
            var ofNewcomers = impression.NewcomerId.Length == 0;
            if (ofNewcomers && !ReferenceEquals(impression, last)) exposure.StartRanking();
            last = impression;
            if (ofNewcomers) exposure.Exposed(item.NewcomerId, item.Position);
            // A declined proposal grades 0, but it was proposed.
            exposure.Shown(ofNewcomers ? item.NewcomerId : impression.NewcomerId, credited.Count == 0 ? 0 : Math.Max(1, grade));
        }
        var figures = Figures;
        var report = new FairnessReport
        {
            ComputeTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()), MinimumGroupSize = figures.MinimumGroupSize,
            ExposureLow = FairnessFigures.ExposureLow, ExposureHigh = FairnessFigures.ExposureHigh, SelectionLow = FairnessFigures.SelectionLow,
        };
        if (rankers.Count == 0) return report;
        var attributesByNewcomer = await attributes.ForAuditAsync($"fairness report asked by {askedBy}", cancellationToken);
        report.Rankers.Add(rankers.Values.Select(r => figures.Of(r, attributesByNewcomer)));
        return report;
    }

    /// <summary>
    /// The promotion rule's fairness check on the held-out pairs; the protected attributes are read only
    /// when they hold rankings of newcomers. When the Profiles service cannot give them, the check is not made.
    /// </summary>
    public async Task<PromotionFairness> CheckPromotionAsync(IReadOnlyList<LabelledPair> heldOut, Func<LabelledPair, double> newScore,
        Func<LabelledPair, double> currentScore, CancellationToken cancellationToken)
    {
        var check = new PromotionFairnessCheck(Figures, PromotionMargin);
        IReadOnlyDictionary<string, ProtectedAttributes> byNewcomer = new Dictionary<string, ProtectedAttributes>();
        if (PromotionFairnessCheck.RankingsOfNewcomers(heldOut).Count > 0)
        {
            try
            {
                byNewcomer = await attributes.ForAuditAsync("fairness check of a model before promotion", cancellationToken);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unavailable)
            {
                // Not checked: the decision says so and the check does not block.
            }
        }
        return check.Check(heldOut, newScore, currentScore, byNewcomer);
    }

    /// <summary>The heuristic first, then model versions oldest first (a version's id is its training time).</summary>
    private static int Order(string a, string b) =>
        (a == HeuristicRanker.Name, b == HeuristicRanker.Name) switch { (true, false) => -1, (false, true) => 1, _ => string.CompareOrdinal(a, b) };
}
