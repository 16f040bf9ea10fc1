using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

public sealed class ReadModelTests
{
    private readonly MatchingReadModel model = new();

    [Fact]
    public void Older_and_duplicate_snapshots_change_nothing()
    {
        Assert.True(model.Apply(Sample.Opportunity("o", 1, o => { o.Version = 2; o.Title = "new"; })));
        Assert.False(model.Apply(Sample.Opportunity("o", 1, o => { o.Version = 1; o.Title = "old"; })));
        Assert.False(model.Apply(Sample.Opportunity("o", 1, o => { o.Version = 2; o.Title = "again"; })));
        Assert.Equal("new", model.Opportunity("o")!.Title);
        Assert.Equal(1, model.TotalOpportunities(OpportunityKind.WorkPlacement));
    }

    [Fact]
    public void A_removal_wins_over_older_events_that_arrive_after_it()
    {
        model.Apply(Sample.Opportunity("o", 1));
        model.RemoveOpportunity("o", 3);
        Assert.False(model.Apply(Sample.Opportunity("o", 1, o => o.Version = 2)));
        Assert.Null(model.Opportunity("o"));
        Assert.Equal(0, model.TakingOpportunityCount(OpportunityKind.WorkPlacement));

        model.Apply(Sample.Newcomer("n"));
        model.RemoveNewcomer("n", 2);
        Assert.False(model.Apply(Sample.Newcomer("n")));
        Assert.Null(model.Newcomer("n"));
        Assert.Equal(0, model.MatchableNewcomerCount);
    }

    [Fact]
    public void Places_taken_count_each_match_once_however_often_its_events_arrive()
    {
        model.Apply(Sample.Opportunity("o", 1, o => o.Capacity = 3));
        var accepted = new Match { Id = "m", Version = 2, NewcomerId = "n", OpportunityId = "o", State = MatchState.Accepted };
        model.Apply(accepted);
        model.Apply(accepted);
        Assert.Equal(2, model.Opportunity("o")!.PlacesLeft);
        model.Apply(new Match { Id = "m", Version = 1, NewcomerId = "n", OpportunityId = "o", State = MatchState.Proposed });
        Assert.Equal(2, model.Opportunity("o")!.PlacesLeft);
        Assert.True(model.PairsOf("n").Excludes("o"));
    }

    [Fact]
    public void A_late_provider_snapshot_does_not_give_a_platform_back_its_access()
    {
        model.Apply(new Provider { Id = "p", Version = 3, PlatformId = "" });
        model.Apply(new Provider { Id = "p", Version = 2, PlatformId = "platform-1" });
        Assert.Equal("", model.PlatformOf("p"));
    }

    [Fact]
    public void The_grid_finds_every_point_within_the_radius()
    {
        var grid = new SpatialGrid<NewcomerEntry, GridCell<NewcomerEntry>>();
        var random = new Random(1);
        var points = Enumerable.Range(0, 2000).Select(i => NewcomerEntry.From(Sample.Newcomer($"n{i}", n =>
        {
            n.Home.Latitude = 52 + random.NextDouble() * 0.6;
            n.Home.Longitude = 5 + random.NextDouble() * 1.0;
        }), new Vocabulary())).ToList();
        points.ForEach(grid.Add);
        foreach (var radius in new[] { 0.5, 5.0, 12.0, 25.0 })
        {
            var cells = new List<GridCell<NewcomerEntry>>();
            grid.CellsNear(52.3, 5.5, radius, cells);
            var found = cells.SelectMany(c => c.Items).Select(p => p.Id).ToHashSet();
            var within = points.Where(p => Newcomers.Matching.Domain.Geo.DistanceKm(52.3, 5.5, p.Latitude, p.Longitude) <= radius).ToList();
            Assert.All(within, p => Assert.Contains(p.Id, found));
            Assert.True(found.Count < points.Count || radius >= 25, "a query visits only nearby cells");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_a_restart_a_late_change_of_an_erased_newcomer_does_not_bring_them_back(bool erasedBeforeMarkersWereKeyed)
    {
        await using var store = TempMatchStore.Open();
        // A store written before markers were keyed holds the bare SHA-256 of the id.
        var marker = erasedBeforeMarkersWereKeyed ? Newcomers.Matching.Storage.MatchStore.UnkeyedState + Newcomers.BuildingBlocks.Storage.Markers.Unkeyed("n1") : store.ActiveKey("n1");
        await store.CommitAsync(new Newcomers.BuildingBlocks.Storage.ChangeSet().Claim(marker, Newcomers.Matching.Storage.MatchStore.Erased));
        var restarted = new MatchingReadModel();
        var handler = new ReadModelEventHandler(restarted, store);

        await handler.HandleAsync(Newcomers.BuildingBlocks.Events.IntegrationEvents.Of(new NewcomerChanged { Newcomer = Sample.Newcomer("n1") }), CancellationToken.None);
        await handler.HandleAsync(Newcomers.BuildingBlocks.Events.IntegrationEvents.Of(new NewcomerChanged { Newcomer = Sample.Newcomer("n2") }), CancellationToken.None);
        restarted.Apply(Sample.Opportunity("o1", 1, o => o.Capacity = 1));
        await handler.HandleAsync(Newcomers.BuildingBlocks.Events.IntegrationEvents.Of(new MatchChanged { Match = new Match
        {
            Id = "m1", Version = 3, NewcomerId = "n1", OpportunityId = "o1", State = MatchState.Accepted, Kind = OpportunityKind.WorkPlacement,
        } }), CancellationToken.None);

        Assert.Null(restarted.Newcomer("n1"));
        Assert.NotNull(restarted.Newcomer("n2"));
        Assert.Equal(1, restarted.Opportunity("o1")!.PlacesLeft);
    }
}
