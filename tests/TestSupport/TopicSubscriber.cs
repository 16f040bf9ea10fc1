using System.Collections.Concurrent;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newcomers.TestSupport;

/// <summary>
/// An app of a partner behind its own Dapr sidecar, subscribed to one topic: it keeps every
/// CloudEvent delivered to it, in the order of delivery, duplicates included.
/// </summary>
public sealed class TopicSubscriber : AppCallback.AppCallbackBase, IAsyncDisposable
{
    private readonly ConcurrentQueue<TopicEventRequest> received = new();
    private WebApplication? app;

    private TopicSubscriber(string pubSub, string topic) => (PubSub, Topic) = (pubSub, topic);

    public string PubSub { get; }
    public string Topic { get; }
    public string Address { get; private set; } = "";

    /// <summary>Every delivery so far, in order.</summary>
    public IReadOnlyList<TopicEventRequest> Received => [.. received];

    /// <summary>Starts the app and connects it to the sidecar double, which then delivers the topic's events to it.</summary>
    public static async Task<TopicSubscriber> StartAsync(DaprSidecarDouble sidecar, string topic, string pubSub = "pubsub")
    {
        var subscriber = new TopicSubscriber(pubSub, topic);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(subscriber);
        subscriber.app = builder.Build();
        subscriber.app.MapGrpcService<TopicSubscriber>();
        await subscriber.app.StartAsync();
        subscriber.Address = subscriber.app.Urls.First();
        await sidecar.SubscribeAppAsync(subscriber.Address);
        return subscriber;
    }

    public override Task<ListTopicSubscriptionsResponse> ListTopicSubscriptions(Empty request, ServerCallContext context) =>
        Task.FromResult(new ListTopicSubscriptionsResponse { Subscriptions = { new TopicSubscription { PubsubName = PubSub, Topic = Topic } } });

    public override Task<TopicEventResponse> OnTopicEvent(TopicEventRequest request, ServerCallContext context)
    {
        received.Enqueue(request);
        return Task.FromResult(new TopicEventResponse { Status = TopicEventResponse.Types.TopicEventResponseStatus.Success });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
