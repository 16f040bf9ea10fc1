using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.Console.SignIn;

namespace Newcomers.Console.Services;

/// <summary>
/// One channel to each service, shared by every user (each call carries its user's token): at the
/// address Console:*Address gives, else through the Dapr sidecar (service invocation by app id), else
/// to this process itself (the standalone host, whose first listener is its gRPC port).
/// </summary>
public sealed class ServiceChannels(IOptions<ConsoleOptions> options, IConfiguration configuration, IServer server) : IDisposable
{
    private readonly Lazy<Target> profiles = new(() => Open(options.Value.ProfilesAddress, "profiles", configuration, server));
    private readonly Lazy<Target> opportunities = new(() => Open(options.Value.OpportunitiesAddress, "opportunities", configuration, server));
    private readonly Lazy<Target> matching = new(() => Open(options.Value.MatchingAddress, "matching", configuration, server));

    /// <summary>A channel, and the Dapr app id to call through it, if any.</summary>
    public sealed record Target(GrpcChannel Channel, string? DaprAppId);

    public Target Profiles => profiles.Value;
    public Target Opportunities => opportunities.Value;
    public Target Matching => matching.Value;

    private static Target Open(string address, string appId, IConfiguration configuration, IServer server)
    {
        if (address.Length > 0) return new(ForAddress(address), null);
        var sidecar = DaprEventsOptions.SidecarEndpoint(configuration);
        if (sidecar.Length > 0) return new(ForAddress(sidecar), appId);
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Set Console:{char.ToUpperInvariant(appId[0])}{appId[1..]}Address to reach the {appId} service");
        return new(ForAddress(own), null);
    }

    private static GrpcChannel ForAddress(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        // Each call brings its user's token as call credentials, also over plaintext loopback.
        UnsafeUseInsecureChannelCallCredentials = true,
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    public void Dispose()
    {
        foreach (var target in new[] { profiles, opportunities, matching }.Where(t => t.IsValueCreated)) target.Value.Channel.Dispose();
    }
}
