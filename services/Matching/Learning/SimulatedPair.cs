using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>One candidate shown in a simulated recommendation, with what became of it.</summary>
public sealed record SimulatedPair(FitFeatures Features, double HeuristicScore, int Label);
