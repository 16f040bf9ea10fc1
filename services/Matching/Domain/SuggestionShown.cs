namespace Newcomers.Matching.Domain;

/// <summary>
/// One suggestion as shown: its position from 1, the opportunity (in a list for a newcomer) or the
/// newcomer (in a list for an opportunity), the pair's features and the heuristic's score then.
/// </summary>
public readonly record struct SuggestionShown(int Position, string NewcomerId, string OpportunityId, FitFeatures Features, double HeuristicScore);
