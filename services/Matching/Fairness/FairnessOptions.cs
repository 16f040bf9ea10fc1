using Newcomers.BuildingBlocks.Domain;

namespace Newcomers.Matching.Fairness;

/// <summary>Matching:Fairness in the configuration (docs/configuration.md).</summary>
public sealed class FairnessOptions
{
    public const string Section = "Matching:Fairness";

    /// <summary>The smallest group the report shows; a value below 5 counts as 5 (<see cref="SmallCells.Floor"/>).</summary>
    public int MinimumGroupSize { get; set; } = 10;

    /// <summary>How much further from 1 a new model's exposure ratio may move than the ranker in force's before the promotion rule keeps it back.</summary>
    public double PromotionMargin { get; set; } = 0.05;
}
