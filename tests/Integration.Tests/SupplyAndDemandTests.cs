using Google.Protobuf;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The supply and demand of <see cref="SupplyWorld"/>, each cell against a count made by hand from
/// its people and places. S stands for a suppressed count of people: below 5, zero included.
/// Cells read (waiting, waiting without a place, open opportunities, open places, suitable, unused).
/// </summary>
public sealed class SupplyAndDemandTests(SupplyWorld world) : IClassFixture<SupplyWorld>
{
    private const int S = -1;

    private static int Of(FigureCount c) => c.ValueCase == FigureCount.ValueOneofCase.Suppressed ? S : c.Count;

    private static (int, int, int, int, int, int) Of(SupplyAndDemandCell c) =>
        (Of(c.Waiting), Of(c.WaitingWithoutPlace), c.OpenOpportunities, c.OpenPlaces, c.SuitablePlaces, c.UnusedPlaces);

    private static SupplyAndDemandCell Kind(SupplyAndDemandArea area, OpportunityKind kind) => area.Kinds.Single(c => c.Kind == kind);

    private static SupplyAndDemandCell Sector(SupplyAndDemandArea area, OpportunityKind kind, string group) =>
        area.Sectors.Single(c => c.Kind == kind && c.IscoMajorGroup == group);

    private Task<SupplyAndDemand> AskAsync(Clients? clients = null, OpportunityKind kind = OpportunityKind.Unspecified, params string[] municipalities) =>
        (clients?.Matching ?? world.Host.Matching).GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { municipalities }, Kind = kind }).ResponseAsync;

    [Fact]
    public async Task Per_kind_the_waiting_the_open_places_and_which_of_them_suit_someone_waiting()
    {
        var answer = await AskAsync(null, OpportunityKind.Unspecified, SupplyWorld.Soest, SupplyWorld.Baarn);
        Assert.Equal(5, answer.MinimumGroupSize);
        Assert.Equal([SupplyWorld.Baarn, SupplyWorld.Soest], answer.Areas.Select(a => a.MunicipalityCode));
        var soest = answer.Areas[1];
        Assert.Equal([OpportunityKind.WorkPlacement, OpportunityKind.Volunteering, OpportunityKind.LanguageBuddy], soest.Kinds.Select(c => c.Kind));

        // Work: W1–W5 wait (W6 holds a place, W1's proposal holds none; P1 is paused, C1 did not consent).
        // Each has a place: W2–W5 the bakery, W1 (whose pair with the bakery is open) the kitchen in Baarn.
        // Places: the bakery's 2 left suit them; the office's 4 ask for B2, two steps above their A2.
        Assert.Equal((5, S, 2, 6, 2, 4), Of(Kind(soest, OpportunityKind.WorkPlacement)));
        // Volunteering: V1–V5 wait, free on Saturday only; the canteen wants Wednesday afternoon, and nobody else waits for it.
        Assert.Equal((5, 5, 1, 3, 0, 3), Of(Kind(soest, OpportunityKind.Volunteering)));
        // Buddies: B1 and B2 wait (suppressed), no buddy offers.
        Assert.Equal((S, S, 0, 0, 0, 0), Of(Kind(soest, OpportunityKind.LanguageBuddy)));
        // Baarn: nobody lives there; its kitchen suits the workers of Soest, 4 km away.
        Assert.Equal((S, S, 1, 1, 1, 0), Of(Kind(answer.Areas[0], OpportunityKind.WorkPlacement)));
    }

    [Fact]
    public async Task Per_sector_the_waiting_are_those_of_its_occupations_and_lack_a_place_of_that_sector()
    {
        var soest = (await AskAsync(null, OpportunityKind.Unspecified, SupplyWorld.Soest)).Areas.Single();
        // Ten major groups (1–9, then 0) and the row without an occupation, for work and volunteering; never for buddies.
        Assert.Equal(22, soest.Sectors.Count);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ""], soest.Sectors.Where(c => c.Kind == OpportunityKind.WorkPlacement).Select(c => c.IscoMajorGroup));
        Assert.DoesNotContain(soest.Sectors, c => c.Kind == OpportunityKind.LanguageBuddy);

        // Group 7 (craft: the bakery): W1–W5, each with a place of group 7 (W1 the kitchen in Baarn).
        Assert.Equal((5, S, 1, 2, 2, 0), Of(Sector(soest, OpportunityKind.WorkPlacement, "7")));
        // Group 4 (clerical: the office): the same five, none of whom the office suits: offers lack, and go unused.
        Assert.Equal((5, 5, 1, 4, 0, 4), Of(Sector(soest, OpportunityKind.WorkPlacement, "4")));
        Assert.Equal((S, S, 0, 0, 0, 0), Of(Sector(soest, OpportunityKind.WorkPlacement, "5")));
        Assert.Equal((5, 5, 1, 3, 0, 3), Of(Sector(soest, OpportunityKind.Volunteering, "5")));
        Assert.Equal((S, S, 0, 0, 0, 0), Of(Sector(soest, OpportunityKind.Volunteering, "")));
    }

    [Fact]
    public async Task One_kind_asked_gives_its_rows_only_and_a_coordinator_gets_their_own_municipalities()
    {
        using var coordinator = world.Host.As(Roles.Coordinator, [SupplyWorld.Soest]);
        var answer = await AskAsync(coordinator, OpportunityKind.Volunteering);
        var soest = Assert.Single(answer.Areas);
        Assert.Equal(SupplyWorld.Soest, soest.MunicipalityCode);
        Assert.Equal([OpportunityKind.Volunteering], soest.Kinds.Select(c => c.Kind));
        Assert.Equal(11, soest.Sectors.Count);
        Assert.Equal((5, 5, 1, 3, 0, 3), Of(soest.Kinds[0]));

        var everywhere = await AskAsync();
        Assert.Equal([SupplyWorld.Baarn, SupplyWorld.Soest], everywhere.Areas.Select(a => a.MunicipalityCode));
        var denied = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => AskAsync(coordinator, OpportunityKind.Unspecified, SupplyWorld.Baarn));
        Assert.Equal(PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task The_minimum_group_size_is_configured_and_never_under_five()
    {
        await using var strict = await RunningHost.StartAsync(null, "--Matching:MinimumGroupSize=6");
        for (var i = 0; i < 5; i++)
        {
            var n = Build.Newcomer();
            n.PipGoals.Clear();
            n.PipGoals.Add(PipGoal.Buddy);
            await strict.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n });
        }
        var answer = await strict.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { SupplyWorld.Soest }, Kind = OpportunityKind.LanguageBuddy });
        Assert.Equal(6, answer.MinimumGroupSize);
        // Five wait for a buddy, and none is offered: both counts are under six.
        Assert.Equal((S, S, 0, 0, 0, 0), Of(answer.Areas.Single().Kinds.Single()));

        await using var lax = await RunningHost.StartAsync(null, "--Matching:MinimumGroupSize=2");
        Assert.Equal(5, (await lax.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest())).MinimumGroupSize);
    }

    [Fact]
    public async Task The_answer_names_nobody_and_no_organisation_or_postcode()
    {
        var answer = await AskAsync(null, OpportunityKind.Unspecified, SupplyWorld.Soest, SupplyWorld.Baarn);
        answer.ComputeTime = null; // a time's digits could spell a postcode
        var text = JsonFormatter.Default.Format(answer) + answer.ToByteString().ToStringUtf8();
        foreach (var seeded in world.Seeded) Assert.DoesNotContain(seeded, text, StringComparison.Ordinal);
    }
}
