using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.Learning;

/// <summary>
/// What the matching service holds about one newcomer, for the right of access: every match, and
/// every ranked list they appeared in with the fit features the ranking saw, newest first.
/// </summary>
public sealed class MatchHistoryExport(MatchStore store, IImpressionRecorder impressions, MatchingReadModel model)
{
    public async Task<NewcomerMatchHistory> OfAsync(string newcomerId, CancellationToken cancellationToken)
    {
        await impressions.FlushAsync(cancellationToken);
        var history = new NewcomerMatchHistory();
        var index = new IndexEntry("newcomer", newcomerId);
        await foreach (var match in store.StreamAsync(MatchStore.Matches, index, cancellationToken)) history.Matches.Add(model.Titled(match));
        await foreach (var impression in store.StreamAsync(MatchStore.Impressions, index, cancellationToken)) history.Shown.Add(Shown(impression, newcomerId));
        var newestFirst = history.Matches.OrderByDescending(m => m.CreateTime).ToList();
        history.Matches.Clear();
        history.Matches.Add(newestFirst);
        var shown = history.Shown.OrderByDescending(s => s.ShownAt).ThenBy(s => s.Position).ToList();
        history.Shown.Clear();
        history.Shown.Add(shown);
        return history;
    }

    /// <summary>The places of one impression that concern the newcomer: every item of a list for them, or their own item in a list for an opportunity.</summary>
    private static IEnumerable<ShownSuggestion> Shown(Impression impression, string newcomerId)
    {
        var forNewcomer = impression.NewcomerId == newcomerId;
        foreach (var item in impression.Items.Where(i => forNewcomer || i.NewcomerId == newcomerId))
        {
            var shown = new ShownSuggestion
            {
                RequestId = impression.RequestId, ShownAt = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(impression.ShownAtMs)),
                Ranker = impression.Ranker, Position = item.Position,
                ShownAs = forNewcomer ? ShownAs.SuggestionForNewcomer : ShownAs.CandidateForOpportunity,
                OpportunityId = forNewcomer ? item.OpportunityId : impression.OpportunityId,
            };
            for (var f = 0; f < item.Features.Count && f < FeatureVector.Names.Length; f++) shown.Features[FeatureVector.Names[f]] = item.Features[f];
            yield return shown;
        }
    }
}
