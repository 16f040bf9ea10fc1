namespace Newcomers.Matching.Learning;

/// <summary>
/// Position bias in the lists shown: a suggestion near the top is taken up more often partly because
/// it is near the top. Measured as the take-up rate at each place of the list, and accounted for in
/// training with inverse propensity weights, in the way of unbiased learning to rank (Joachims,
/// Swaminathan and Schnabel, WSDM 2017): a suggestion taken up at place k counts 1/p(k) times, where
/// p(k), how often place k is looked at against the first, is estimated as take-up(k) / take-up(1),
/// held between 0.1 and 1. Suggestions not taken up count once.
/// </summary>
public static class PositionBias
{
    /// <summary>The places measured: the first 20 of a list.</summary>
    public const int Places = 20;

    private const double LeastPropensity = 0.1;

    /// <summary>The share of suggestions shown at each place (1 to 20) that were taken up (proposed or further).</summary>
    public static double[] TakeUp(IEnumerable<LabelledPair> pairs)
    {
        var (shown, taken) = (new int[Places], new int[Places]);
        foreach (var pair in pairs.Where(p => p.Position is >= 1 and <= Places))
        {
            shown[pair.Position - 1]++;
            if (pair.Label > 0) taken[pair.Position - 1]++;
        }
        return [.. Enumerable.Range(0, Places).Select(i => shown[i] == 0 ? 0 : Math.Round((double)taken[i] / shown[i], 4))];
    }

    /// <summary>Each pair's weight in training, from the take-up rates.</summary>
    public static float[] Weights(IReadOnlyList<LabelledPair> pairs, double[] takeUp)
    {
        var weights = new float[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            weights[i] = 1;
            if (pair.Label <= 0 || takeUp[0] <= 0 || pair.Position is < 1 or > Places) continue;
            var propensity = Math.Clamp(takeUp[pair.Position - 1] / takeUp[0], LeastPropensity, 1);
            weights[i] = (float)(1 / propensity);
        }
        return weights;
    }
}
