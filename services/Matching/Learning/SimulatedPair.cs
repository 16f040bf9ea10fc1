using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning;

/// <summary>
/// One candidate shown in a simulated recommendation, with what became of it: its place in the list
/// (the heuristic's order), the grade observed, and the grade its fit deserved (the same unless the
/// simulator's position effect kept someone from looking that far down).
/// </summary>
public sealed record SimulatedPair(FitFeatures Features, double HeuristicScore, int Label, int Position, int TrueLabel);
