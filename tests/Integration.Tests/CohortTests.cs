using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>AssignCohort through gRPC: progress then the assignment, beside greedy; staff confirm pairs as proposals; only the caller's own newcomers.</summary>
public sealed class CohortTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    // Each test has a municipality of its own, so that the cohorts chosen by municipality hold only its people.
    private const string Houten = "GM0321", Zeist = "GM0355", Bunnik = "GM0312", Baarn = "GM0308";

    [Fact]
    public async Task Where_greedy_leaves_someone_out_the_cohort_matches_everyone_and_staff_confirm_each_pair()
    {
        var host = fixture.Host;
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        // Both can work at the bakery, Anna best; the garden asks B2, which only Anna comes near (B1, one step under).
        var anna = await NewcomerAsync(n => n.DutchLevel = CefrLevel.B1);
        var bilal = await NewcomerAsync(n => n.DutchLevel = CefrLevel.A1);
        var bakery = await PlacementAsync(provider.Id, o => o.Title = "Bakkerij");
        var garden = await PlacementAsync(provider.Id, o => { o.Title = "Kwekerij"; o.Occupation = "9214"; o.Skills.Clear(); o.RequiredDutchLevel = CefrLevel.B2; });
        using var caseworker = host.As(Roles.Caseworker, municipalities: [Houten]);

        var (progress, assignment) = await AssignAsync(caseworker, new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement });

        Assert.NotEmpty(progress);
        Assert.Equal("cohort", progress[0].Stage);
        Assert.Equal([(anna.Id, garden.Id), (bilal.Id, bakery.Id)], assignment.Pairs.Select(p => (p.NewcomerId, p.OpportunityId)).OrderBy(p => p.Item1 == anna.Id ? 0 : 1));
        Assert.Equal((2, 1), (assignment.LeaveNoOneBehind.Matched, assignment.Greedy.Matched));
        Assert.Equal((2, 2, 2), (assignment.Newcomers, assignment.Opportunities, assignment.Places));
        Assert.Empty(assignment.LeftOut);
        Assert.All(assignment.Pairs, p => Assert.NotEmpty(p.Reasons));
        Assert.Equal("Kwekerij", assignment.Pairs.Single(p => p.NewcomerId == anna.Id).OpportunityTitle);
        Assert.Equal(assignment.QualityIsProbability, assignment.Quality.EndsWith("/acceptance", StringComparison.Ordinal));
        Assert.Equal("min-cost-flow", assignment.Solver);
        Assert.True(assignment.Optimal);

        // Nothing is proposed until staff confirm; each confirmation is a proposal that names the run.
        Assert.Empty((await caseworker.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = anna.Id })).Matches);
        foreach (var pair in assignment.Pairs)
        {
            var match = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
                { NewcomerId = pair.NewcomerId, OpportunityId = pair.OpportunityId, Origin = ProposalOrigin.Cohort, CohortRunId = assignment.RunId });
            Assert.Equal((MatchState.Proposed, ProposalOrigin.Cohort, assignment.RunId), (match.State, match.Origin, match.OriginCohortRunId));
        }
        await Expect.Status(StatusCode.AlreadyExists, () => caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
            { NewcomerId = anna.Id, OpportunityId = garden.Id, Origin = ProposalOrigin.Cohort, CohortRunId = assignment.RunId }).ResponseAsync);

        // Kept, the open proposals hold their newcomers and places; named by id, those newcomers are said to be matched already.
        var kept = await Eventually.Async(() => AssignOnlyAsync(caseworker, new AssignCohortRequest
            { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { anna.Id, bilal.Id }, Options = new CohortOptions { KeepOpenMatches = true } }),
            a => a.LeftOut.Count == 2);
        Assert.All(kept.LeftOut, l => Assert.Equal(CohortLeftOutReason.AlreadyMatched, l.Reason));
        Assert.Equal(0, kept.Places);
    }

    [Fact]
    public async Task A_pair_that_is_no_longer_eligible_is_not_proposed_from_a_cohort()
    {
        var host = fixture.Host;
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var newcomer = await NewcomerAsync(_ => { }, Zeist);
        var placement = await PlacementAsync(provider.Id, _ => { }, Zeist);
        var (_, assignment) = await AssignAsync(host.Matching, new AssignCohortRequest
            { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { newcomer.Id }, OpportunityIds = { placement.Id } });
        Assert.Equal(placement.Id, assignment.Pairs.Single().OpportunityId);

        // Since the run, the newcomer can only come on Saturdays.
        var changed = new Newcomer(newcomer) { Availability = new Availability { HoursPerWeek = 8, DayParts = { DayPart.SaturdayMorning } } };
        await host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = changed });
        await Eventually.Async(() => AssignOnlyAsync(host.Matching, new AssignCohortRequest
            { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { newcomer.Id }, OpportunityIds = { placement.Id } }), a => a.Pairs.Count == 0);

        var refused = await Expect.Precondition("NOT_ELIGIBLE", () => host.Matching.ProposeMatchAsync(new ProposeMatchRequest
            { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "km", Origin = ProposalOrigin.Cohort, CohortRunId = assignment.RunId }).ResponseAsync);
        Assert.Contains("Availability", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_cannot_assign_another_municipalitys_newcomers()
    {
        var host = fixture.Host;
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var newcomer = await NewcomerAsync(_ => { }, Bunnik);
        var placement = await PlacementAsync(provider.Id, _ => { }, Bunnik);
        using var elsewhere = host.As(Roles.Caseworker, municipalities: [Baarn]);
        using var coordinator = host.As(Roles.Coordinator, municipalities: [Bunnik]);

        await Expect.Status(StatusCode.PermissionDenied, () => AssignAsync(elsewhere, new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { Bunnik } }));
        await Expect.Status(StatusCode.NotFound, () => AssignAsync(elsewhere, new AssignCohortRequest
            { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { newcomer.Id }, OpportunityIds = { placement.Id } }));
        await Expect.Status(StatusCode.PermissionDenied, () => AssignAsync(coordinator, new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement }));
        // Their own cohort holds none of Bunnik's newcomers.
        var (_, own) = await AssignAsync(elsewhere, new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement });
        Assert.DoesNotContain(own.Pairs, p => p.NewcomerId == newcomer.Id);
        Assert.DoesNotContain(own.LeftOut, l => l.NewcomerId == newcomer.Id);
    }

    [Fact]
    public async Task A_coordinators_cohort_gives_a_family_buddy_a_household_whole_and_honours_both_sides_wishes()
    {
        var host = fixture.Host;
        const string Renswoude = "GM0339";
        var taalhuis = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider(ProviderKind.VolunteerOrganisation, "Taalhuis") });
        var mother = await NewcomerAsync(n => { n.HouseholdId = "haddad"; n.BuddyPreferences.FamilyBuddy = true; }, Renswoude);
        var son = await NewcomerAsync(n => n.HouseholdId = "haddad", Renswoude);
        var wantsAWoman = await NewcomerAsync(n => n.BuddyPreferences.BuddyGender = Gender.Female, Renswoude);
        var family = await BuddyAsync(taalhuis.Id, Renswoude, 2, b => { b.FamilyBuddy = true; b.FamiliesOnly = true; });
        var man = await BuddyAsync(taalhuis.Id, Renswoude, 1, b => b.Gender = Gender.Male);
        var woman = await BuddyAsync(taalhuis.Id, Renswoude, 1, _ => { });
        using var coordinator = host.As(Roles.Coordinator, municipalities: [Renswoude]);

        var (_, assignment) = await AssignAsync(coordinator, new AssignCohortRequest { Kind = OpportunityKind.LanguageBuddy });

        Assert.Equal("cp-sat", assignment.Solver);
        Assert.True(assignment.Optimal);
        var pairs = assignment.Pairs.ToDictionary(p => p.NewcomerId);
        Assert.Equal((family.Id, "haddad"), (pairs[mother.Id].OpportunityId, pairs[mother.Id].HouseholdId));
        Assert.Equal((family.Id, "haddad"), (pairs[son.Id].OpportunityId, pairs[son.Id].HouseholdId));
        Assert.Equal(woman.Id, pairs[wantsAWoman.Id].OpportunityId);
        Assert.DoesNotContain(assignment.Pairs, p => p.OpportunityId == man.Id && p.NewcomerId == wantsAWoman.Id);
        Assert.Equal(3, assignment.LeaveNoOneBehind.Matched);
    }

    private Task<(List<CohortProgress>, CohortAssignment)> AssignAsync(Clients clients, AssignCohortRequest request) => AssignAsync(clients.Matching, request);

    private static async Task<(List<CohortProgress>, CohortAssignment)> AssignAsync(MatchingService.MatchingServiceClient client, AssignCohortRequest request)
    {
        using var call = client.AssignCohort(request);
        var progress = new List<CohortProgress>();
        CohortAssignment? assignment = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.UpdateCase == AssignCohortUpdate.UpdateOneofCase.Progress)
            {
                Assert.Null(assignment); // the assignment comes after all progress
                progress.Add(call.ResponseStream.Current.Progress);
            }
            else (assignment ??= new()).MergeFrom(call.ResponseStream.Current.Assignment);
        }
        Assert.NotNull(assignment);
        return (progress, assignment);
    }

    private static async Task<CohortAssignment> AssignOnlyAsync(Clients clients, AssignCohortRequest request) => (await AssignAsync(clients.Matching, request)).Item2;

    private static async Task<CohortAssignment> AssignOnlyAsync(MatchingService.MatchingServiceClient client, AssignCohortRequest request) => (await AssignAsync(client, request)).Item2;

    private async Task<Newcomer> NewcomerAsync(Action<Newcomer> change, string municipality = Houten)
    {
        var newcomer = Build.Newcomer();
        newcomer.MunicipalityCode = municipality;
        change(newcomer);
        return await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer });
    }

    private async Task<Opportunity> BuddyAsync(string providerId, string municipality, int capacity, Action<BuddyOffer> change)
    {
        var buddy = new Opportunity(Build.Buddy(providerId)) { MunicipalityCode = municipality, Capacity = capacity };
        change(buddy.Buddy);
        return await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = buddy });
    }

    private async Task<Opportunity> PlacementAsync(string providerId, Action<Opportunity> change, string municipality = Houten)
    {
        var placement = Build.Placement(providerId);
        placement.MunicipalityCode = municipality;
        change(placement);
        return await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement });
    }
}
