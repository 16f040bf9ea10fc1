using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Unit.Tests.Matching;

public sealed class OutcomeLabelsTests
{
    private sealed class NoBus : IEventBus
    {
        public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Each_suggestion_shown_is_graded_by_what_became_of_it_afterwards()
    {
        var factory = new SqliteDocumentStoreFactory(Options.Create(new StorageOptions { DataDirectory = Directory.CreateTempSubdirectory("labels-").FullName }));
        await using var store = new MatchStore(factory, new NoBus(), NullLogger<MatchStore>.Instance);
        var shownAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var impression = new Impression { RequestId = "r1", NewcomerId = "n1", ShownAtMs = shownAt.ToUnixTimeMilliseconds(), Ranker = "heuristic-v1" };
        foreach (var id in new[] { "completed", "declined", "ignored", "earlier" })
            impression.Items.Add(new ShownItem { OpportunityId = id, Position = impression.Items.Count + 1, Features = { new float[FeatureVector.Length] } });
        var changes = new ChangeSet();
        ImpressionLog.Impressions.Put(changes, impression, 0);
        MatchStore.Matches.Put(changes, Match("m1", "completed", MatchState.Completed, shownAt.AddDays(1)), 0);
        MatchStore.Matches.Put(changes, Match("m2", "declined", MatchState.Declined, shownAt.AddHours(1)), 0);
        MatchStore.Matches.Put(changes, Match("m3", "earlier", MatchState.Completed, shownAt.AddDays(-5)), 0);
        await store.CommitAsync(changes);

        var pairs = await new OutcomeLabels(store).LoadAsync(CancellationToken.None);

        Assert.Equal([4f, 0f, 0f, 0f], pairs.Select(p => p.Label));
        Assert.Single(pairs.Select(p => p.Group).Distinct());
    }

    private static Match Match(string id, string opportunityId, MatchState state, DateTimeOffset created) => new()
    {
        Id = id, NewcomerId = "n1", OpportunityId = opportunityId, State = state, CreateTime = Timestamp.FromDateTimeOffset(created),
    };
}
