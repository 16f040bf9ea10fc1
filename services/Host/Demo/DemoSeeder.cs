using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Storage;

namespace Newcomers.Host.Demo;

/// <summary>
/// With Demo:Seed on, loads <see cref="DemoRegion"/> through the public gRPC API of this host as
/// soon as it listens: every record passes the same validation and events as any client's.
/// Records that already exist are skipped, so seeding twice does not duplicate. The host is not
/// ready (gRPC health NOT_SERVING, /readyz 503) until the region is in. The demo's postcode table
/// goes first, straight into the Profiles store as load-postcodes would load it (no RPC loads
/// postcodes), but only the postcodes the table lacks: a table loaded before, such as CBS's, stays.
/// Into an empty store the region goes with its past year (<see cref="DemoTimeline"/>), lived on the
/// <see cref="DemoClock"/>; into a store that has it already, only what is missing goes, stamped now.
/// Either way the clock is the system clock again once seeding ends.
/// </summary>
public sealed class DemoSeeder(IServer server, IHostApplicationLifetime lifetime, IOptions<AuthOptions> auth, Readiness readiness, PostcodeTable postcodes,
    DemoClock clock, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string Work = "seeding the demo region";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception e) when (lifetime.ApplicationStopping.IsCancellationRequested && e is OperationCanceledException or RpcException)
        {
            // The host stopped (its server first) before the region was in: the next start creates what is missing, stamped then.
            logger.LogInformation("Seeding the demo region stopped with the host; it goes on at the next start");
        }
        finally
        {
            clock.Release();
        }
    }

    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.SetResult()))
            await started.Task.WaitAsync(stoppingToken);
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The seeder is a client like any other: an admin token, signed with the local key.
        var token = LocalTokens.Mint(auth.Value, "demo-seeder", Roles.Admin, lifetime: TimeSpan.FromMinutes(10));
        using var channel = BearerChannel.For(address, token);
        var (table, problems) = PostcodeFile.Read(DemoRegion.PostcodesPath);
        if (problems.Count > 0) throw new InvalidOperationException($"The demo's postcode table has {problems.Count} problem(s), the first: {problems[0]}");
        var load = await postcodes.AddMissingAsync(table, stoppingToken);
        var region = DemoRegion.Generate(postcodes: table);
        var opportunities = new OpportunityService.OpportunityServiceClient(channel);
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var fresh = await IsEmptyAsync(opportunities, region.Providers[0].Id, stoppingToken);
        // The providers and their offers were there before the first newcomer of the year came.
        if (fresh) clock.Set(now.AddDays(-DemoTimeline.Days - 1));
        var created = 0;
        foreach (var provider in region.Providers)
            created += await CreateOnce(() => opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = provider, ProviderId = provider.Id }, cancellationToken: stoppingToken));
        foreach (var opportunity in region.Opportunities)
            created += await CreateOnce(() => opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = opportunity, OpportunityId = opportunity.Id }, cancellationToken: stoppingToken));
        var history = new DemoHistory(clock, profiles, new MatchingService.MatchingServiceClient(channel), stoppingToken);
        if (fresh)
        {
            var timeline = DemoTimeline.Plan(region, now);
            await history.PlayAsync(timeline);
            created += timeline.Count(s => s.Act == DemoTimeline.Act.Register);
        }
        clock.Release();
        foreach (var newcomer in region.Newcomers)
            created += await CreateOnce(() => profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer, NewcomerId = newcomer.Id }, cancellationToken: stoppingToken));
        readiness.Done(Work);
        logger.LogInformation("Demo region ready in {Seconds:0.0} s: {Created} records and {Postcodes} postcodes created, {Steps} steps of its history played, {Total} records in the region",
            elapsed.Elapsed.TotalSeconds, created, load.Added, history.Steps, region.Providers.Count + region.Opportunities.Count + region.Newcomers.Count);
    }

    /// <summary>Whether the region's first record, its first provider, is still to be created.</summary>
    private static async Task<bool> IsEmptyAsync(OpportunityService.OpportunityServiceClient opportunities, string firstProvider, CancellationToken cancellationToken)
    {
        try
        {
            await opportunities.GetProviderAsync(new GetProviderRequest { Id = firstProvider }, cancellationToken: cancellationToken);
            return false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return true;
        }
    }

    private static async Task<int> CreateOnce<T>(Func<AsyncUnaryCall<T>> create)
    {
        try
        {
            await create();
            return 1;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return 0;
        }
    }
}
