using Grpc.Core;
using Grpc.Net.Client;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>A gRPC channel that sends a bearer token with every call (also over plaintext loopback).</summary>
public static class BearerChannel
{
    public static GrpcChannel For(string address, string token, HttpMessageHandler? handler = null) =>
        For(address, _ => ValueTask.FromResult(token), handler);

    /// <summary>A channel that asks for the token at each call, so a renewed one is used as soon as there is one.</summary>
    public static GrpcChannel For(string address, Func<CancellationToken, ValueTask<string>> token, HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor(async (context, metadata) =>
                metadata.Add("authorization", $"Bearer {await token(context.CancellationToken)}"))),
            UnsafeUseInsecureChannelCallCredentials = true,
            HttpHandler = handler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
}
