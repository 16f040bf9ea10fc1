using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
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
        Channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        Profiles = new ProfileService.ProfileServiceClient(Channel);
        Opportunities = new OpportunityService.OpportunityServiceClient(Channel);
        Matching = new MatchingService.MatchingServiceClient(Channel);
    }

    public string DataDirectory { get; }
    public string HttpAddress { get; }
    public GrpcChannel Channel { get; }
    public ProfileService.ProfileServiceClient Profiles { get; }
    public OpportunityService.OpportunityServiceClient Opportunities { get; }
    public MatchingService.MatchingServiceClient Matching { get; }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("matching-test-").FullName;

    public static async Task<RunningHost> StartAsync(string? dataDirectory = null, params string[] extraArgs)
    {
        dataDirectory ??= NewDataDirectory();
        string[] args = ["--Hosting:GrpcPort=0", "--Hosting:HttpPort=0", $"--Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning", "--Matching:BootstrapModel=false", .. extraArgs];
        var app = StandaloneHost.Create(args);
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
