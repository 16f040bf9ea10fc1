using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// Training data from real outcomes: every impression's suggestions, each graded by the furthest
/// its pair (newcomer and opportunity) got after it was shown. Each impression is one group. Items
/// shown with an earlier feature set are extracted again from the pair's facts while both are still
/// in the read model, and left out otherwise.
/// </summary>
public sealed class OutcomeLabels(MatchStore store, MatchingReadModel model)
{
    /// <summary>0 declined (or never proposed), 1 proposed, 2 accepted, 3 started, 4 completed. An ended match counts as far as it got.</summary>
    public static int Grade(Match match) => match.State switch
    {
        MatchState.Proposed => 1,
        MatchState.Accepted => 2,
        MatchState.Started => 3,
        MatchState.Completed => 4,
        MatchState.Ended => match.History.Any(h => h.State == MatchState.Started) ? 3 : 2,
        _ => 0,
    };

    /// <summary>The lowest grade that counts as accepted or better: accepted, started, completed, or ended after acceptance.</summary>
    public const int AcceptedGrade = 2;

    /// <summary>
    /// The answer to a pair's proposal, from the matches that credit its list: accepted or better when one got that far,
    /// not when one was declined (or withdrawn), and null while every proposal still waits for its answers.
    /// </summary>
    public static ProposalOutcome? Answer(IEnumerable<Match> credited) =>
        credited.Where(m => m.State == MatchState.Declined || Grade(m) >= AcceptedGrade).OrderByDescending(Grade)
            .Select(m => new ProposalOutcome(m.Id, Grade(m) >= AcceptedGrade)).FirstOrDefault();

    public async Task<OutcomeData> LoadAsync(CancellationToken cancellationToken)
    {
        var pairs = new List<LabelledPair>();
        var (reExtracted, leftOut) = (0, 0);
        await foreach (var (impression, item, label, credited) in GradedAsync(cancellationToken))
        {
            var forNewcomer = impression.NewcomerId.Length > 0;
            var group = Group(impression.RequestId);
            // The held-out split follows whom the list was for, so retraining on the same outcomes evaluates on the same groups.
            var splitKey = Group(forNewcomer ? "newcomer:" + impression.NewcomerId : "opportunity:" + impression.OpportunityId);
            float[]? features = impression.FeatureSet == FeatureVector.Version ? [.. item.Features] : ExtractAgain(impression, item, forNewcomer);
            if (features is null)
            {
                leftOut++;
                continue;
            }
            if (impression.FeatureSet != FeatureVector.Version) reExtracted++;
            pairs.Add(new LabelledPair(group, label, features, item.HeuristicScore, splitKey, item.Position, Answer(credited),
                forNewcomer ? impression.NewcomerId : item.NewcomerId));
        }
        return new OutcomeData(pairs, reExtracted, leftOut);
    }

    /// <summary>Every suggestion of every impression, with the matches that credit it and the furthest grade they got (0 without one).</summary>
    public async IAsyncEnumerable<(Impression Impression, ShownItem Item, int Grade, List<Match> Credited)> GradedAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matchesByNewcomer = new Dictionary<string, List<Match>>();
        var matchesByOpportunity = new Dictionary<string, List<Match>>();
        await foreach (var impression in store.StreamAsync(MatchStore.Impressions, cancellationToken: cancellationToken))
        {
            // For a newcomer: their matches, told apart by opportunity. For an opportunity: its matches, by newcomer.
            var forNewcomer = impression.NewcomerId.Length > 0;
            var matches = forNewcomer
                ? await MatchesAsync(matchesByNewcomer, new("newcomer", impression.NewcomerId), cancellationToken)
                : await MatchesAsync(matchesByOpportunity, new("opportunity", impression.OpportunityId), cancellationToken);
            foreach (var item in impression.Items)
            {
                var credited = matches
                    .Where(m => (forNewcomer ? m.OpportunityId == item.OpportunityId : m.NewcomerId == item.NewcomerId) && Credits(m, impression)).ToList();
                yield return (impression, item, credited.Select(Grade).DefaultIfEmpty(0).Max(), credited);
            }
        }
    }

    /// <summary>
    /// Whether a match's outcome labels a list's pair: a proposal made from a suggestion labels only the list it was proposed
    /// from (its request id); any other proposal (an override, a cohort, or one from before origins were kept) every list
    /// that showed the pair before it was proposed.
    /// </summary>
    public static bool Credits(Match match, Impression impression) =>
        match.Origin == ProposalOrigin.Suggestion && match.OriginRequestId.Length > 0
            ? match.OriginRequestId == impression.RequestId
            : match.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds() >= impression.ShownAtMs;

    /// <summary>The pair's features in the current set, from its facts as the read model holds them now; null when either is gone.</summary>
    private float[]? ExtractAgain(Impression impression, ShownItem item, bool forNewcomer)
    {
        var n = model.Newcomer(forNewcomer ? impression.NewcomerId : item.NewcomerId);
        var o = model.Opportunity(forNewcomer ? item.OpportunityId : impression.OpportunityId);
        if (n is null || o is null) return null;
        var distance = Math.Sqrt(new Geo.From(n.Latitude, n.Longitude).SquaredKm(o.Latitude, o.Longitude));
        var shownOn = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(impression.ShownAtMs).UtcDateTime);
        return FeatureVector.From(FeatureExtractor.Extract(n, o, distance, shownOn));
    }

    private async Task<List<Match>> MatchesAsync(Dictionary<string, List<Match>> cache, IndexEntry index, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(index.Key, out var matches)) return matches;
        matches = [];
        await foreach (var match in store.StreamAsync(MatchStore.Matches, index, cancellationToken)) matches.Add(match);
        return cache[index.Key] = matches;
    }

    /// <summary>A stable 32-bit group id for a request id (FNV-1a).</summary>
    public static uint Group(string requestId)
    {
        var hash = 2166136261u;
        foreach (var c in requestId) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
