using Grpc.Core;
using Grpc.Net.Client;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>A gRPC channel that sends a bearer token with every call (also over plaintext loopback).</summary>
public static class BearerChannel
{
    public static GrpcChannel For(string address, string token, HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
            HttpHandler = handler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
}
