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
public sealed class ServiceChannels : IDisposable
{
    private readonly List<GrpcChannel> opened = [];
    private readonly Lazy<Target> own;
    private readonly Lazy<Target> sidecar;
    private readonly Lazy<Target> profiles;
    private readonly Lazy<Target> opportunities;
    private readonly Lazy<Target> matching;

    public ServiceChannels(IOptions<ConsoleOptions> options, IConfiguration configuration, IServer server)
    {
        var sidecarAddress = DaprEventsOptions.SidecarEndpoint(configuration);
        own = new(() => new(ForAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Console:ProfilesAddress, Console:OpportunitiesAddress and Console:MatchingAddress")), null));
        sidecar = new(() => new(ForAddress(sidecarAddress), null));
        Lazy<Target> To(string address, string appId) => new(() =>
            address.Length > 0 ? new(ForAddress(address), null)
            : sidecarAddress.Length > 0 ? sidecar.Value with { DaprAppId = appId }
            : own.Value);
        profiles = To(options.Value.ProfilesAddress, "profiles");
        opportunities = To(options.Value.OpportunitiesAddress, "opportunities");
        matching = To(options.Value.MatchingAddress, "matching");
    }

    /// <summary>A channel, and the Dapr app id to call through it, if any.</summary>
    public sealed record Target(GrpcChannel Channel, string? DaprAppId);

    public Target Profiles => profiles.Value;
    public Target Opportunities => opportunities.Value;
    public Target Matching => matching.Value;

    private GrpcChannel ForAddress(string address)
    {
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            // Each call brings its user's token as call credentials, also over plaintext loopback.
            UnsafeUseInsecureChannelCallCredentials = true,
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        lock (opened) opened.Add(channel);
        return channel;
    }

    public void Dispose()
    {
        lock (opened) foreach (var channel in opened) channel.Dispose();
    }
}
