namespace Newcomers.Matching.Domain;

/// <summary>Settings of candidate generation (section "Matching").</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>How many CEFR steps a newcomer's Dutch may be under an opportunity's requirement.</summary>
    public int MaxDutchStepsBelow { get; set; } = 1;
}
