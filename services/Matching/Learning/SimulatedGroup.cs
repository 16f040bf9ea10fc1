namespace Newcomers.Matching.Learning;

/// <summary>One simulated recommendation request: a newcomer and the candidates shown.</summary>
public sealed record SimulatedGroup(int Id, IReadOnlyList<SimulatedPair> Pairs);
