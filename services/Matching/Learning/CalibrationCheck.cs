using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning;

/// <summary>
/// How well predicted probabilities match what happened, on pairs the model never saw: the
/// reliability table (ten bins of predicted probability, each with its count, mean prediction and
/// observed rate), the expected calibration error over those bins, the Brier score beside the base
/// rate's, and the log loss.
/// </summary>
public static class CalibrationCheck
{
    public const int Bins = 10;

    private const double Clip = 1e-15;

    /// <summary>Writes the figures of the outcomes (a probability and whether the pair was accepted or better) into the acceptance model's description.</summary>
    public static void Measure(IReadOnlyList<(double Predicted, bool Accepted)> outcomes, AcceptanceModel into)
    {
        var n = outcomes.Count;
        var baseRate = outcomes.Count(o => o.Accepted) / (double)n;
        var (count, predicted, accepted) = (new int[Bins], new double[Bins], new int[Bins]);
        double brier = 0, logLoss = 0;
        foreach (var (p, y) in outcomes)
        {
            var bin = Math.Clamp((int)(p * Bins), 0, Bins - 1);
            count[bin]++;
            predicted[bin] += p;
            if (y) accepted[bin]++;
            brier += (p - (y ? 1 : 0)) * (p - (y ? 1 : 0));
            logLoss -= Math.Log(Math.Clamp(y ? p : 1 - p, Clip, 1 - Clip));
        }
        var ece = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            var (mean, observed) = count[b] == 0 ? (0, 0) : (predicted[b] / count[b], accepted[b] / (double)count[b]);
            ece += count[b] / (double)n * Math.Abs(mean - observed);
            into.Reliability.Add(new ReliabilityBin
            {
                Lower = b / (double)Bins, Upper = (b + 1) / (double)Bins, Pairs = count[b], MeanPredicted = Math.Round(mean, 4), ObservedRate = Math.Round(observed, 4),
            });
        }
        into.TestPairs = n;
        into.BaseRate = Math.Round(baseRate, 4);
        into.Brier = Math.Round(brier / n, 4);
        into.BaseRateBrier = Math.Round(baseRate * (1 - baseRate), 4);
        into.ExpectedCalibrationError = Math.Round(ece, 4);
        into.LogLoss = Math.Round(logLoss / n, 4);
    }
}
