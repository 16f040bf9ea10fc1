namespace Newcomers.Matching.Learning;

/// <summary>Training data from real outcomes, and how many shown pairs had to be extracted again or were left out (shown with an earlier feature set).</summary>
public sealed record OutcomeData(List<LabelledPair> Pairs, int ReExtracted, int LeftOut);
