using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The standalone host as a user runs it: real Kestrel on free loopback ports, real SQLite files
/// in its own data folder, reached through a real gRPC channel.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningHost(WebApplication app, string dataDirectory, string grpcAddress, string httpAddress)
    {
        this.app = app;
        DataDirectory = dataDirectory;
        HttpAddress = httpAddress;
        GrpcAddress = grpcAddress;
        AdminToken = Token("test-admin", Roles.Admin);
        Channel = BearerChannel.For(grpcAddress, AdminToken);
        Profiles = new ProfileService.ProfileServiceClient(Channel);
        Opportunities = new OpportunityService.OpportunityServiceClient(Channel);
        Matching = new MatchingService.MatchingServiceClient(Channel);
    }

    public string GrpcAddress { get; }

    /// <summary>The token the default clients use: an admin's.</summary>
    public string AdminToken { get; }

    /// <summary>A token signed with the host's local key.</summary>
    public string Token(string subject, string role, IEnumerable<string>? municipalities = null, IEnumerable<string>? providers = null, string platform = "") =>
        LocalTokens.Mint(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value, subject, role, municipalities, providers, platform);

    /// <summary>A token with exactly these claims, signed with the host's local key.</summary>
    public string TokenWith(params System.Security.Claims.Claim[] claims) =>
        LocalTokens.Mint(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value, claims);

    /// <summary>Clients that call as someone else.</summary>
    public Clients As(string role, IEnumerable<string>? municipalities = null, IEnumerable<string>? providers = null, string platform = "") =>
        new(BearerChannel.For(GrpcAddress, Token($"test-{role}", role, municipalities, providers, platform)));

    public string DataDirectory { get; }

    /// <summary>The host's services, to look at what no RPC shows yet (such as the pair quality in force).</summary>
    public IServiceProvider Services => app.Services;
    public string HttpAddress { get; }
    public GrpcChannel Channel { get; }
    public ProfileService.ProfileServiceClient Profiles { get; }
    public OpportunityService.OpportunityServiceClient Opportunities { get; }
    public MatchingService.MatchingServiceClient Matching { get; }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("matching-test-").FullName;

    public static Task<RunningHost> StartAsync(string? dataDirectory = null, params string[] extraArgs) => StartAsync(dataDirectory, null, extraArgs);

    public static async Task<RunningHost> StartAsync(string? dataDirectory, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        dataDirectory ??= NewDataDirectory();
        string[] args = ["--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", $"--Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning", "--Matching:BootstrapModel=false", .. extraArgs];
        var app = StandaloneHost.Create(args, configure);
        await app.StartAsync();
        var urls = app.Urls.ToList();
        return new RunningHost(app, dataDirectory, urls[0], urls[1]);
    }

    public async Task StopAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }
}

/// <summary>The three service clients for one caller: over one channel (the standalone host), or one per service process.</summary>
public sealed class Clients(GrpcChannel profiles, GrpcChannel opportunities, GrpcChannel matching) : IDisposable
{
    public Clients(GrpcChannel channel) : this(channel, channel, channel)
    {
    }

    /// <summary>The channel to the Profiles service (in the standalone host, to every service).</summary>
    public GrpcChannel Channel => profiles;
    public ProfileService.ProfileServiceClient Profiles { get; } = new(profiles);
    public OpportunityService.OpportunityServiceClient Opportunities { get; } = new(opportunities);
    public MatchingService.MatchingServiceClient Matching { get; } = new(matching);

    public void Dispose()
    {
        foreach (var channel in new[] { profiles, opportunities, matching }.Distinct()) channel.Dispose();
    }
}
