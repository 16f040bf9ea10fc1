using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Domain;

/// <summary>
/// The one home of small-cell suppression: a count below the minimum group size (zero included, so
/// that a suppressed cell does not tell "none" from "a few") is not shown, nor is a statistic over
/// fewer people than that.
/// </summary>
public sealed class SmallCells(int minimum)
{
    /// <summary>Never below this, whatever the configuration says.</summary>
    public const int Floor = 5;

    public int Minimum { get; } = Math.Max(Floor, minimum);

    /// <summary>Whether a group of this many people may be shown.</summary>
    public bool Shows(int people) => people >= Minimum;

    public FigureCount Count(int count) => !Shows(count) ? new FigureCount { Suppressed = true } : new FigureCount { Count = count };

    /// <summary>Quartiles (linear interpolation between ranks, as PERCENTILE.INC), rounded to a tenth.</summary>
    public FigureSpread Spread(IReadOnlyCollection<double> values)
    {
        var spread = new FigureSpread { People = Count(values.Count) };
        if (values.Count < Minimum)
        {
            spread.Suppressed = true;
            return spread;
        }
        var sorted = values.Order().ToArray();
        (spread.P25, spread.Median, spread.P75) = (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
        return spread;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var rank = q * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return Math.Round(sorted[below] + (sorted[above] - sorted[below]) * (rank - below), 1);
    }
}
