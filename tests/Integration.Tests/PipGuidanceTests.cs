using Grpc.Core;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// GetPipGuidance against the truth: for every change it suggests, a copy of the newcomer with the
/// change applied, and RecommendOpportunities for the copy counts the eligible and the good.
/// </summary>
public sealed class PipGuidanceTests(PipGuidanceTests.WorldFixture fixture) : IClassFixture<PipGuidanceTests.WorldFixture>
{
    /// <summary>One host with the world, shared by the tests of the class.</summary>
    public sealed class WorldFixture : IAsyncLifetime
    {
        public RunningHost Host { get; private set; } = null!;
        public PipGuidanceWorld World { get; private set; } = null!;

        public async Task InitializeAsync() => World = await PipGuidanceWorld.CreateAsync(Host = await RunningHost.StartAsync());

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private RunningHost Host => fixture.Host;
    private PipGuidanceWorld World => fixture.World;

    [Fact]
    public async Task Every_suggested_gain_is_what_a_recommendation_with_the_change_finds()
    {
        var guidance = await Guidance(World.Newcomer.Id);
        var (eligible, good) = await Counted(World.Newcomer.Id, guidance.GoodScore);
        Assert.Equal(eligible, guidance.Eligible);
        Assert.Equal(good, guidance.Good);
        Assert.Equal(HeuristicGood, guidance.GoodScore);

        foreach (var change in guidance.Changes)
        {
            var copy = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = PipGuidanceWorld.Applied(change) });
            var (changedEligible, changedGood) = await Counted(copy.Id, guidance.GoodScore);
            Assert.True(changedEligible - eligible == change.EligibleGain, $"{change.TextEn}: {changedEligible - eligible} more eligible, guidance says {change.EligibleGain}");
            Assert.True(changedGood - good == change.GoodGain, $"{change.TextEn}: {changedGood - good} more good, guidance says {change.GoodGain}");
        }
        // Every kind of change opens something here, and the best come first.
        foreach (var kind in new[] { PipChangeKind.DutchLevel, PipChangeKind.TravelDistance, PipChangeKind.DayPart, PipChangeKind.Hours, PipChangeKind.Skill })
            Assert.Contains(guidance.Changes, c => c.Kind == kind && c.GoodGain > 0);
        Assert.Equal(guidance.Changes.Select(c => c.GoodGain).OrderByDescending(g => g), guidance.Changes.Select(c => c.GoodGain));
        Assert.DoesNotContain(guidance.Changes, c => c.EligibleGain == 0 && c.GoodGain == 0);
    }

    [Fact]
    public async Task The_sentences_name_the_change_and_its_gain_in_Dutch_and_English()
    {
        var guidance = await Guidance(World.Newcomer.Id);
        var b1 = guidance.Changes.Single(c => c.Kind == PipChangeKind.DutchLevel && c.DutchLevel == CefrLevel.B1);
        Assert.StartsWith($"met Nederlands B1 komen er {b1.EligibleGain} werkplekken bij", b1.TextNl);
        Assert.StartsWith($"with Dutch at B1, {b1.EligibleGain} more workplaces", b1.TextEn);
        var further = guidance.Changes.Single(c => c.Kind == PipChangeKind.TravelDistance && c.MaxTravelKm == 15);
        Assert.StartsWith($"15 in plaats van 10 km reizen: {further.EligibleGain} meer", further.TextNl);
        var wednesday = guidance.Changes.Single(c => c.Kind == PipChangeKind.DayPart && c.DayPart == DayPart.WednesdayMorning);
        Assert.Equal(6, wednesday.EligibleGain);
        Assert.StartsWith("ook op woensdagochtend beschikbaar: 6 meer", wednesday.TextNl);
        var forklift = guidance.Changes.Single(c => c.Kind == PipChangeKind.Skill);
        Assert.Equal("heftruck", forklift.Skill);
        Assert.Equal($"met de vaardigheid heftruck: {forklift.GoodGain} meer goed passend", forklift.TextNl);
        var hours = guidance.Changes.First(c => c.Kind == PipChangeKind.Hours);
        Assert.Equal($"{hours.HoursPerWeek} in plaats van 16 uur per week: {hours.GoodGain} meer goed passend", hours.TextNl);
    }

    [Fact]
    public async Task Guidance_changes_nothing_and_is_audited_as_a_read_of_the_newcomer()
    {
        var before = await Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = World.Newcomer.Id });
        await Guidance(World.Newcomer.Id);
        var after = await Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = World.Newcomer.Id });
        Assert.Equal(before.Version, after.Version);
        var matches = await Host.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = World.Newcomer.Id });
        Assert.Empty(matches.Matches);
        var audit = new AuditService.AuditServiceClient(Host.Channel);
        var entries = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{World.Newcomer.Id}" });
        Assert.Contains(entries.Entries, e => e.Action == "GetPipGuidance" && e.Purpose == "matching");
    }

    [Fact]
    public async Task One_kind_counts_that_kind_only()
    {
        var buddies = await Host.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest { NewcomerId = World.Newcomer.Id, Kind = OpportunityKind.LanguageBuddy });
        Assert.Equal(0, buddies.Eligible);
        Assert.Empty(buddies.Changes);
    }

    [Fact]
    public async Task A_newcomer_without_consent_gets_no_guidance()
    {
        var n = PipGuidanceWorld.Profile();
        n.Consent.Matching = false;
        var created = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n });
        var e = await Assert.ThrowsAsync<RpcException>(() => Guidance(created.Id));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
    }

    private const double HeuristicGood = 0.7;

    private async Task<PipGuidance> Guidance(string newcomerId) =>
        await Host.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest { NewcomerId = newcomerId, Kind = OpportunityKind.WorkPlacement });

    private async Task<(int Eligible, int Good)> Counted(string newcomerId, double goodScore)
    {
        var r = await Host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomerId, Kinds = { OpportunityKind.WorkPlacement }, Limit = 100 });
        Assert.True(r.Eligible < 100, "every eligible one is among the suggestions");
        return (r.Eligible, r.Suggestions.Count(s => s.Score >= goodScore));
    }
}
