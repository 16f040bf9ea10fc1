namespace Newcomers.Matching.Domain;

/// <summary>Settings of candidate generation and of the match change log (section "Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>How many CEFR steps a newcomer's Dutch may be under an opportunity's requirement.</summary>
    public int MaxDutchStepsBelow { get; set; } = 1;

    /// <summary>How many candidates the heuristic shortlists for a learned model to re-rank.</summary>
    public int ModelShortlist { get; set; } = 100;

    /// <summary>Train a first model from the outcome simulator when none exists yet.</summary>
    public bool BootstrapModel { get; set; } = true;

    /// <summary>Simulated request groups for that first model.</summary>
    public int BootstrapGroups { get; set; } = 5000;

    /// <summary>How much NDCG@10 a new model must gain over the ranker in force to be promoted.</summary>
    public double PromotionMargin { get; set; } = 0.01;

    /// <summary>How many of the last match changes the change log keeps for WatchMatches to resume from; an older cursor is OUT_OF_RANGE.</summary>
    public long MatchChangesKept { get; set; } = 100_000;

    /// <summary>The smallest count of people the supply and demand shows; a value below 5 counts as 5 (<see cref="BuildingBlocks.Domain.SmallCells.Floor"/>).</summary>
    public int MinimumGroupSize { get; set; } = BuildingBlocks.Domain.SmallCells.Floor;
}
