namespace Newcomers.Matching.Domain;

/// <summary>
/// What one recommendation response showed: opportunities for a newcomer (<see cref="NewcomerId"/>
/// set) or newcomers for an opportunity (<see cref="OpportunityId"/> set), by which ranker, and each
/// suggestion in the order shown. The impression log keeps it as training data.
/// </summary>
public sealed record RecommendationShown(string RequestId, string NewcomerId, string OpportunityId, string Ranker, DateTimeOffset ShownAt,
    IReadOnlyList<SuggestionShown> Items);
