using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The distributed mode: Profiles, Opportunities and Matching as three processes, storing in a real
/// redis-server and exchanging events through the Dapr sidecar double (daprd cannot be installed
/// here), which delivers every event twice. Events arrive later than in one process, so the test
/// waits for what it expects to see.
/// </summary>
public sealed class DistributedTests : IAsyncLifetime
{
    private DistributedDeployment deployment = null!;
    private AuthOptions auth = null!;

    public async Task InitializeAsync()
    {
        deployment = await DistributedDeployment.StartAsync(duplicateEvents: true);
        auth = new AuthOptions { SigningKey = deployment.SigningKey };
    }

    public async Task DisposeAsync() => await deployment.DisposeAsync();

    [Fact]
    public async Task The_scenario_runs_across_three_processes_redis_and_the_sidecar()
    {
        Clients As(string role, string[]? municipalities = null, string[]? providers = null)
        {
            var token = LocalTokens.Mint(auth, $"test-{role}", role, municipalities, providers);
            return new Clients(BearerChannel.For(deployment.Profiles.GrpcAddress, token), BearerChannel.For(deployment.Opportunities.GrpcAddress, token),
                BearerChannel.For(deployment.Matching.GrpcAddress, token));
        }

        var amina = await Scenario.RunAsync(As);

        // The MAP hours travelled by event to the Profiles process and were credited once, though every event came twice.
        await deployment.Sidecar.DrainAsync();
        using var admin = As(Roles.Admin);
        Assert.Equal(48, (await admin.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = amina.Id })).MapHoursDone);

        // The right of access gathers across the processes: Profiles asks Matching through the sidecar.
        var export = await admin.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest { Id = amina.Id });
        var matches = await admin.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = amina.Id });
        Assert.NotEmpty(export.Matches);
        Assert.Equal(matches.Matches.Select(m => m.Id).Order(), export.Matches.Select(m => m.Id).Order());
        Assert.NotEmpty(export.Shown);
        Assert.Contains(export.AuditEntries, e => e.Action == "RecommendOpportunities");

        // The provider of the completed placement gets the contact: Matching asks Profiles through the sidecar.
        var completed = matches.Matches.Single(m => m.State == MatchState.Completed);
        using var baker = As(Roles.Provider, providers: [completed.ProviderId]);
        var contact = await baker.Matching.GetMatchContactAsync(new GetMatchContactRequest { MatchId = completed.Id });
        Assert.Equal((completed.Id, "Amina K.", "soest-km-1"), (contact.MatchId, contact.NewcomerName, contact.CaseworkerId));
        var audit = await new AuditService.AuditServiceClient(admin.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{amina.Id}" });
        Assert.Contains(audit.Entries, e => (e.Action, e.Actor, e.Role) == ("GetNewcomerContact", "matching", Roles.Service));
    }

    [Fact]
    public async Task A_model_promoted_by_one_replica_ranks_on_every_replica()
    {
        var token = LocalTokens.Mint(auth, "admin", Roles.Admin);
        var replica = await deployment.StartMatchingReplicaAsync();
        using var toFirst = BearerChannel.For(deployment.Matching.GrpcAddress, token);
        using var toReplica = BearerChannel.For(replica.GrpcAddress, token);
        var first = new MatchingService.MatchingServiceClient(toFirst);
        var second = new MatchingService.MatchingServiceClient(toReplica);
        await Expect.Status(StatusCode.NotFound, () => second.GetModelAsync(new GetModelRequest()).ResponseAsync);

        TrainModelProgress last = null!;
        using (var call = first.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1000 }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) last = call.ResponseStream.Current;
        Assert.True(last.Model.Promoted, last.Model.Decision);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? onReplica = null;
        while (onReplica != last.Model.Id && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            try { onReplica = (await second.GetModelAsync(new GetModelRequest())).Id; }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { }
        }
        Assert.Equal(last.Model.Id, onReplica);
    }

    [Fact]
    public async Task The_monitoring_figures_count_matches_held_by_the_matching_process()
    {
        var admin = LocalTokens.Mint(auth, "admin", Roles.Admin);
        using var toProfiles = BearerChannel.For(deployment.Profiles.GrpcAddress, admin);
        using var toOpportunities = BearerChannel.For(deployment.Opportunities.GrpcAddress, admin);
        using var toMatching = BearerChannel.For(deployment.Matching.GrpcAddress, admin);
        var profiles = new ProfileService.ProfileServiceClient(toProfiles);
        var matching = new MatchingService.MatchingServiceClient(toMatching);
        var provider = await new OpportunityService.OpportunityServiceClient(toOpportunities).CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await new OpportunityService.OpportunityServiceClient(toOpportunities).CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 10) });
        for (var i = 0; i < 6; i++)
        {
            var newcomer = await profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            await Eventually.Async(() => matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" }).ResponseAsync);
        }

        // Profiles holds no matches: it streams them from the matching process (StreamNewcomerMatches).
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var toPolicy = BearerChannel.For(deployment.Profiles.GrpcAddress, LocalTokens.Mint(auth, "beleid", Roles.Policy, ["GM0342"]));
        var figures = await new ProfileService.ProfileServiceClient(toPolicy).GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = month, ToMonth = month });
        var soest = figures.Areas.Single().Months.Single();
        Assert.Equal(6, soest.Newcomers.Count);
        Assert.Equal(6, soest.Matches.Single(m => m.Kind == OpportunityKind.WorkPlacement).Proposed.Count);
        Assert.Equal(6, soest.DaysToFirstProposal.People.Count);
    }

    [Fact]
    public async Task A_restarted_matching_service_rebuilds_what_it_missed_from_the_other_services()
    {
        var token = LocalTokens.Mint(auth, "admin", Roles.Admin);
        using var toProfiles = BearerChannel.For(deployment.Profiles.GrpcAddress, token);
        using var toOpportunities = BearerChannel.For(deployment.Opportunities.GrpcAddress, token);
        var newcomer = await new ProfileService.ProfileServiceClient(toProfiles).CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var provider = await new OpportunityService.OpportunityServiceClient(toOpportunities).CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });

        // While the matching service is down, an opportunity is posted; its event finds no matching service.
        await deployment.Matching.KillAsync();
        var missed = await new OpportunityService.OpportunityServiceClient(toOpportunities).CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        await deployment.Sidecar.DrainAsync();
        await deployment.Matching.StartAsync();

        using var toMatching = BearerChannel.For(deployment.Matching.GrpcAddress, token);
        var recommended = await new MatchingService.MatchingServiceClient(toMatching).RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        Assert.Contains(missed.Id, recommended.Suggestions.Select(s => s.OpportunityId));
    }

    [Fact]
    public async Task Killing_the_matching_service_while_events_flow_loses_nothing()
    {
        var token = LocalTokens.Mint(auth, "admin", Roles.Admin);
        using var toOpportunities = BearerChannel.For(deployment.Opportunities.GrpcAddress, token);
        var client = new OpportunityService.OpportunityServiceClient(toOpportunities);
        var provider = await client.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var posted = new List<string>();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                posted.Add((await client.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) })).Id);
                await Task.Delay(25);
            }
        });
        await Task.Delay(300);
        await deployment.Matching.KillAsync();
        await Task.Delay(300);
        await deployment.Matching.StartAsync();
        await posting;
        await deployment.Sidecar.DrainAsync();

        using var toMatching = BearerChannel.For(deployment.Matching.GrpcAddress, token);
        var matchingClient = new MatchingService.MatchingServiceClient(toMatching);
        foreach (var id in posted)
            await matchingClient.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = id }); // NOT_FOUND if it were lost
        Assert.Equal(40, posted.Count);
    }

    [Fact]
    public async Task Restarting_redis_with_its_append_only_file_loses_no_acknowledged_write()
    {
        var token = LocalTokens.Mint(auth, "admin", Roles.Admin);
        using var toProfiles = BearerChannel.For(deployment.Profiles.GrpcAddress, token);
        var client = new ProfileService.ProfileServiceClient(toProfiles);
        var acknowledged = new List<Newcomer>();
        for (var i = 0; i < 30; i++) acknowledged.Add(await client.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() }));

        await deployment.Redis.CrashAndRestartAsync();

        foreach (var newcomer in acknowledged)
        {
            var read = await Eventually.Async(() => client.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }).ResponseAsync, _ => true);
            Assert.Equal((newcomer.Id, newcomer.Version), (read.Id, read.Version));
        }
    }
}
