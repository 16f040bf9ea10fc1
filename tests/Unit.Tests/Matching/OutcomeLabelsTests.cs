using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Unit.Tests.Matching;

public sealed class OutcomeLabelsTests
{
    [Fact]
    public async Task Each_suggestion_shown_is_graded_by_what_became_of_it_afterwards()
    {
        await using var store = TempMatchStore.Open();
        var shownAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var impression = new Impression { RequestId = "r1", NewcomerId = "n1", ShownAtMs = shownAt.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1", FeatureSet = FeatureVector.Version };
        foreach (var id in new[] { "completed", "declined", "ignored", "earlier" })
            impression.Items.Add(new ShownItem { OpportunityId = id, Position = impression.Items.Count + 1, Features = { new float[FeatureVector.Length] } });
        var changes = new ChangeSet();
        MatchStore.Impressions.Put(changes, impression, 0);
        MatchStore.Matches.Put(changes, Match("m1", "completed", MatchState.Completed, shownAt.AddDays(1)), 0);
        MatchStore.Matches.Put(changes, Match("m2", "declined", MatchState.Declined, shownAt.AddHours(1)), 0);
        MatchStore.Matches.Put(changes, Match("m3", "earlier", MatchState.Completed, shownAt.AddDays(-5)), 0);
        await store.CommitAsync(changes);

        var pairs = (await new OutcomeLabels(store, new MatchingReadModel()).LoadAsync(CancellationToken.None)).Pairs;

        Assert.Equal([4f, 0f, 0f, 0f], pairs.Select(p => p.Label));
        Assert.Single(pairs.Select(p => p.Group).Distinct());
    }

    [Fact]
    public async Task A_proposal_answers_for_the_acceptance_model_once_declined_or_accepted_and_once_however_many_lists_showed_it()
    {
        await using var store = TempMatchStore.Open();
        var changes = new ChangeSet();
        foreach (var (request, at) in new[] { ("r1", ShownAt), ("r2", ShownAt.AddHours(1)) })
        {
            var impression = new Impression { RequestId = request, NewcomerId = "n1", ShownAtMs = at.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1", FeatureSet = FeatureVector.Version };
            foreach (var id in new[] { "declined", "waiting", "ended", "ignored" })
                impression.Items.Add(new ShownItem { OpportunityId = id, Position = impression.Items.Count + 1, Features = { new float[FeatureVector.Length] } });
            MatchStore.Impressions.Put(changes, impression, 0);
        }
        MatchStore.Matches.Put(changes, Match("m1", "declined", MatchState.Declined, ShownAt.AddDays(1)), 0);
        MatchStore.Matches.Put(changes, Match("m2", "waiting", MatchState.Proposed, ShownAt.AddDays(1)), 0);
        var ended = Match("m3", "ended", MatchState.Ended, ShownAt.AddDays(1));
        ended.History.Add(new StateChange { State = MatchState.Accepted, Time = ended.CreateTime });
        MatchStore.Matches.Put(changes, ended, 0);
        await store.CommitAsync(changes);

        var pairs = (await new OutcomeLabels(store, new MatchingReadModel()).LoadAsync(CancellationToken.None)).Pairs;

        // Declined is not accepted; ended after acceptance is; a proposal still waiting, and a pair never proposed, say nothing yet.
        Assert.Equal([new ProposalOutcome("m1", false), null, new ProposalOutcome("m3", true), null], pairs.Take(4).Select(p => p.Proposal));
        Assert.Equal([0f, 1f, 2f, 0f], pairs.Take(4).Select(p => p.Label));
        // Both lists showed the overrides before they were made, so both are graded; each proposal counts once for acceptance.
        Assert.Equal(["m1", "m3"], LabelledPairs.Proposals(pairs).Select(p => p.Proposal!.Id));
    }

    [Fact]
    public async Task A_proposal_from_a_suggestion_labels_only_the_list_it_came_from_and_an_override_every_list_before_it()
    {
        await using var store = TempMatchStore.Open();
        var shownAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var changes = new ChangeSet();
        foreach (var (request, at) in new[] { ("r1", shownAt), ("r2", shownAt.AddHours(1)) })
        {
            var impression = new Impression { RequestId = request, NewcomerId = "n1", ShownAtMs = at.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1", FeatureSet = FeatureVector.Version };
            foreach (var id in new[] { "suggested", "chosen" })
                impression.Items.Add(new ShownItem { OpportunityId = id, Position = impression.Items.Count + 1, Features = { new float[FeatureVector.Length] } });
            MatchStore.Impressions.Put(changes, impression, 0);
        }
        var fromList = Match("m1", "suggested", MatchState.Completed, shownAt.AddHours(2));
        (fromList.Origin, fromList.OriginRequestId) = (ProposalOrigin.Suggestion, "r1");
        var chosen = Match("m2", "chosen", MatchState.Completed, shownAt.AddHours(2));
        (chosen.Origin, chosen.OriginReason) = (ProposalOrigin.Override, "knows the place");
        MatchStore.Matches.Put(changes, fromList, 0);
        MatchStore.Matches.Put(changes, chosen, 0);
        await store.CommitAsync(changes);

        var pairs = (await new OutcomeLabels(store, new MatchingReadModel()).LoadAsync(CancellationToken.None)).Pairs;

        // r1: suggested 4, chosen 4; r2: suggested 0 (proposed from r1, not from r2), chosen 4.
        Assert.Equal([4f, 4f, 0f, 4f], pairs.Select(p => p.Label));
    }

    [Fact]
    public async Task Newcomers_suggested_for_an_opportunity_are_graded_by_what_became_of_each_of_them()
    {
        await using var store = TempMatchStore.Open();
        var changes = new ChangeSet();
        MatchStore.Impressions.Put(changes, ForOpportunity("r1", "o1", "accepted", "ignored", "started"), 0);
        MatchStore.Matches.Put(changes, Match("m1", "o1", MatchState.Accepted, ShownAt.AddHours(2), "accepted"), 0);
        MatchStore.Matches.Put(changes, Match("m2", "o1", MatchState.Started, ShownAt.AddDays(3), "started"), 0);
        MatchStore.Matches.Put(changes, Match("m3", "o2", MatchState.Completed, ShownAt.AddDays(1), "ignored"), 0);
        await store.CommitAsync(changes);

        var pairs = (await new OutcomeLabels(store, new MatchingReadModel()).LoadAsync(CancellationToken.None)).Pairs;

        Assert.Equal([2f, 0f, 3f], pairs.Select(p => p.Label));
    }

    [Fact]
    public async Task Pairs_shown_with_an_earlier_feature_set_are_extracted_again_while_both_exist_and_left_out_otherwise()
    {
        await using var store = TempMatchStore.Open();
        var model = new MatchingReadModel();
        model.Apply(Sample.Newcomer("n1"));
        model.Apply(Sample.Opportunity("still-there", 2));
        // Stored before impressions had a feature set: the first set's 19 features.
        var old = new Impression { RequestId = "r1", NewcomerId = "n1", ShownAtMs = ShownAt.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1" };
        foreach (var id in new[] { "still-there", "gone" })
            old.Items.Add(new ShownItem { OpportunityId = id, Position = old.Items.Count + 1, Features = { new float[FeatureVector.FirstSetLength] } });
        var changes = new ChangeSet();
        MatchStore.Impressions.Put(changes, old, 0);
        await store.CommitAsync(changes);

        var data = await new OutcomeLabels(store, model).LoadAsync(CancellationToken.None);

        Assert.Equal((1, 1), (data.ReExtracted, data.LeftOut));
        var pair = Assert.Single(data.Pairs);
        Assert.Equal(FeatureVector.Length, pair.Features.Length);
        Assert.Equal(2, pair.Features[Array.IndexOf(FeatureVector.Names, "distance_km")], 1);
        Assert.Equal(1, pair.Features[Array.IndexOf(FeatureVector.Names, "skill_hygiëne")]);
    }

    [Fact]
    public async Task Erasure_deletes_the_impressions_for_a_newcomer_and_takes_them_out_of_the_lists_shown_for_opportunities()
    {
        await using var store = TempMatchStore.Open();
        var forNewcomer = new Impression { RequestId = "r1", NewcomerId = "n1", ShownAtMs = ShownAt.ToUnixTimeMilliseconds(), Items = { new ShownItem { OpportunityId = "o1", Position = 1 } } };
        var changes = new ChangeSet();
        MatchStore.Impressions.Put(changes, forNewcomer, 0);
        MatchStore.Impressions.Put(changes, ForOpportunity("r2", "o1", "n2", "n1", "n3"), 0);
        MatchStore.Impressions.Put(changes, ForOpportunity("r3", "o2", "n1"), 0);
        await store.CommitAsync(changes);
        var eraser = new MatchHistoryEraser(store, new MatchChangeLog(store, Microsoft.Extensions.Options.Options.Create(new Newcomers.Matching.Domain.MatchingOptions())), new ImpressionLog(store, new MatchingReadModel(), NullLogger<ImpressionLog>.Instance));

        await eraser.HandleAsync(new IntegrationEvent { NewcomerErased = new NewcomerErased { NewcomerId = "n1" } }, CancellationToken.None);

        var left = new List<Impression>();
        await foreach (var impression in store.StreamAsync(MatchStore.Impressions)) left.Add(impression);
        var kept = Assert.Single(left);
        Assert.Equal("r2", kept.RequestId);
        Assert.Equal(["n2", "n3"], kept.Items.Select(i => i.NewcomerId));
        Assert.Equal([1, 3], kept.Items.Select(i => i.Position));
        Assert.Empty(await ToListAsync(store.StreamAsync(MatchStore.Impressions, new IndexEntry("newcomer", "n1"))));
        Assert.Single(await ToListAsync(store.StreamAsync(MatchStore.Impressions, new IndexEntry("newcomer", "n3"))));
    }

    private static readonly DateTimeOffset ShownAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Impression ForOpportunity(string requestId, string opportunityId, params string[] newcomerIds)
    {
        var impression = new Impression { RequestId = requestId, OpportunityId = opportunityId, ShownAtMs = ShownAt.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1", FeatureSet = FeatureVector.Version };
        foreach (var id in newcomerIds)
            impression.Items.Add(new ShownItem { NewcomerId = id, Position = impression.Items.Count + 1, Features = { new float[FeatureVector.Length] } });
        return impression;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private static Match Match(string id, string opportunityId, MatchState state, DateTimeOffset created, string newcomerId = "n1") => new()
    {
        Id = id, NewcomerId = newcomerId, OpportunityId = opportunityId, State = state, CreateTime = Timestamp.FromDateTimeOffset(created),
    };
}
