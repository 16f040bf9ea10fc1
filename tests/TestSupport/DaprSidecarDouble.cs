using Dapr.AppCallback.Autogen.Grpc.v1;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newcomers.TestSupport;

/// <summary>
/// The part of Dapr's runtime gRPC API (service dapr.proto.runtime.v1.Dapr) the services use, bound
/// from Dapr.Protos' message types: a real DaprClient talks to it as to daprd.
/// </summary>
[BindServiceMethod(typeof(DaprApiBase), nameof(BindService))]
public abstract class DaprApiBase
{
    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "PublishEvent"));

    public static void BindService(ServiceBinderBase binder, DaprApiBase? service) =>
        binder.AddMethod(new Method<PublishEventRequest, Empty>(MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "PublishEvent",
            Marshal(PublishEventRequest.Parser), Marshal(Empty.Parser)), service is null ? null : service.PublishEvent);

    public static Marshaller<T> Marshal<T>(MessageParser<T> parser) where T : IMessage<T> => Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
}

/// <summary>
/// A stand-in for the Dapr sidecar, which cannot be installed here. Apps publish to it with a real
/// DaprClient; it delivers CloudEvents to every subscribed app through the app's AppCallback
/// service, as daprd does: it asks each app for its subscriptions, delivers at least once
/// (again after RETRY or a failure), and, when told, delivers each event twice and out of order.
/// </summary>
public sealed class DaprSidecarDouble : DaprApiBase, IAsyncDisposable
{
    private static readonly Method<Empty, ListTopicSubscriptionsResponse> ListSubscriptions = new(MethodType.Unary,
        "dapr.proto.runtime.v1.AppCallback", "ListTopicSubscriptions", Marshal(Empty.Parser), Marshal(ListTopicSubscriptionsResponse.Parser));
    /// <summary>AppCallback/OnTopicEvent, the app's method that receives an event.</summary>
    public static readonly Method<TopicEventRequest, TopicEventResponse> OnTopicEvent = new(MethodType.Unary,
        "dapr.proto.runtime.v1.AppCallback", "OnTopicEvent", Marshal(TopicEventRequest.Parser), Marshal(TopicEventResponse.Parser));

    private readonly List<(CallInvoker App, string PubSub, string Topic)> subscribers = [];
    private readonly Dictionary<string, string> appAddresses = [];
    private readonly HttpClient proxy = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
    private readonly List<GrpcChannel> channels = [];
    private readonly List<TopicEventRequest> held = [];
    private readonly List<Task> deliveries = [];
    private readonly Lock gate = new();
    private WebApplication? app;
    private int delivered;

    /// <summary>Deliver every event twice.</summary>
    public bool Duplicate { get; set; }

    /// <summary>Hold events back and deliver them in reverse order on <see cref="DrainAsync"/>.</summary>
    public bool Reorder { get; set; }

    /// <summary>Answer every publish with UNAVAILABLE, as a sidecar whose broker is down.</summary>
    public bool RefusePublishes { get; set; }

    public string Address { get; private set; } = "";

    /// <summary>The token sent to the apps on every call (daprd's APP_API_TOKEN); give it to them as Dapr:AppApiToken.</summary>
    public string AppApiToken { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private CallOptions ToApp => new(new Metadata { { "dapr-api-token", AppApiToken } });

    public int Delivered => Volatile.Read(ref delivered);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        app = builder.Build();
        // Service invocation: a gRPC call carrying dapr-app-id is proxied to that app, as daprd does.
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.TryGetValue("dapr-app-id", out var appId)) await ProxyAsync(context, appId.ToString());
            else await next(context);
        });
        app.MapGrpcService<DaprSidecarDouble>();
        await app.StartAsync();
        Address = app.Urls.First();
    }

    /// <summary>Connects an app, as daprd does at start: asks it which topics it subscribes to, and makes it invocable by its app id.</summary>
    public async Task SubscribeAppAsync(string appAddress, string appId = "")
    {
        if (appId.Length > 0) lock (gate) appAddresses[appId] = appAddress;
        var channel = GrpcChannel.ForAddress(appAddress);
        channels.Add(channel);
        var invoker = channel.CreateCallInvoker();
        var subscriptions = await invoker.AsyncUnaryCall(ListSubscriptions, null, ToApp, new Empty());
        lock (gate)
            foreach (var subscription in subscriptions.Subscriptions)
                subscribers.Add((invoker, subscription.PubsubName, subscription.Topic));
    }

    private async Task ProxyAsync(Microsoft.AspNetCore.Http.HttpContext context, string appId)
    {
        string? target;
        lock (gate) appAddresses.TryGetValue(appId, out target);
        if (target is null)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "14";
            context.Response.Headers["grpc-message"] = $"no app {appId}";
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target + context.Request.Path)
        {
            Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StreamContent(context.Request.Body),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.StartsWith(':') || name is "Host" or "Content-Length" or "dapr-app-id" or "dapr-api-token") continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        request.Headers.TryAddWithoutValidation("dapr-api-token", AppApiToken);
        using var response = await proxy.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (name is not "Transfer-Encoding") context.Response.Headers[name] = values.ToArray();
        await (await response.Content.ReadAsStreamAsync(context.RequestAborted)).CopyToAsync(context.Response.Body, context.RequestAborted);
        foreach (var (name, values) in response.TrailingHeaders) context.Response.AppendTrailer(name, values.ToArray());
    }

    public override Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        if (RefusePublishes) throw new RpcException(new Status(StatusCode.Unavailable, "the pub/sub component is unavailable"));
        // As daprd: metadata "cloudevent.id" and "cloudevent.type" override the CloudEvent's own.
        var cloudEvent = new TopicEventRequest
        {
            Id = request.Metadata.TryGetValue("cloudevent.id", out var id) ? id : Guid.NewGuid().ToString(), Source = "sidecar-double",
            Type = request.Metadata.TryGetValue("cloudevent.type", out var type) ? type : "com.dapr.event.sent", SpecVersion = "1.0",
            DataContentType = request.DataContentType, Data = request.Data, Topic = request.Topic, PubsubName = request.PubsubName,
        };
        lock (gate)
        {
            if (Reorder) held.Add(cloudEvent);
            else deliveries.Add(DeliverAsync(cloudEvent));
        }
        return Task.FromResult(new Empty());
    }

    /// <summary>Delivers what is held back (newest first) and waits until every delivery has ended.</summary>
    public async Task DrainAsync()
    {
        Task[] pending;
        lock (gate)
        {
            held.Reverse();
            deliveries.AddRange(held.Select(DeliverAsync));
            held.Clear();
            pending = [.. deliveries];
        }
        await Task.WhenAll(pending);
    }

    private async Task DeliverAsync(TopicEventRequest cloudEvent)
    {
        List<CallInvoker> apps;
        lock (gate) apps = subscribers.Where(s => s.PubSub == cloudEvent.PubsubName && s.Topic == cloudEvent.Topic).Select(s => s.App).ToList();
        foreach (var appInvoker in apps)
            for (var copy = 0; copy < (Duplicate ? 2 : 1); copy++)
                await DeliverOnceAsync(appInvoker, cloudEvent);
    }

    private async Task DeliverOnceAsync(CallInvoker appInvoker, TopicEventRequest cloudEvent)
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            try
            {
                var response = await appInvoker.AsyncUnaryCall(OnTopicEvent, null, ToApp, cloudEvent);
                if (response.Status != TopicEventResponse.Types.TopicEventResponseStatus.Retry)
                {
                    Interlocked.Increment(ref delivered);
                    return;
                }
            }
            catch (RpcException)
            {
            }
            await Task.Delay(20 * attempt);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels) channel.Dispose();
        proxy.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}
