using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The Dapr adapters against the sidecar double (daprd cannot be installed here): events published
/// with a real DaprClient reach a subscribing app's AppCallback service, twice each and in reverse
/// order, and the app's read model ends up exactly as if each had come once, in order.
/// </summary>
public sealed class DaprEventsTests
{
    private sealed class FlakyHandler : IIntegrationEventHandler
    {
        public int Failures { get; private set; }

        public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        {
            if (Failures++ < 2) throw new IOException("storage briefly unavailable");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Duplicated_and_reordered_deliveries_change_nothing_and_failures_are_redelivered()
    {
        await using var sidecar = new DaprSidecarDouble { Duplicate = true, Reorder = true };
        await sidecar.StartAsync();
        var model = new MatchingReadModel();
        var flaky = new FlakyHandler();
        await using var app = await StartSubscriberAsync(model, flaky, sidecar.AppApiToken);
        await sidecar.SubscribeAppAsync(app.Urls.First());
        using var dapr = new DaprClientBuilder().UseGrpcEndpoint(sidecar.Address).Build();
        var bus = new DaprEventBus(dapr, Options.Create(new DaprEventsOptions()));

        var events = new List<IntegrationEvent>();
        for (var version = 1; version <= 3; version++)
        {
            events.Add(IntegrationEvents.Of(new OpportunityChanged { Opportunity = Opportunity("kept", version) }));
            events.Add(IntegrationEvents.Of(new OpportunityChanged { Opportunity = Opportunity("deleted", version) }));
        }
        events.Add(IntegrationEvents.Of(new OpportunityDeleted { OpportunityId = "deleted", Version = 4 }));
        foreach (var integrationEvent in events) await bus.PublishAsync(integrationEvent, CancellationToken.None);
        await sidecar.DrainAsync();

        Assert.Equal(events.Count * 2, sidecar.Delivered);
        Assert.Equal(("v3", 3L), (model.Opportunity("kept")!.Title, model.Opportunity("kept")!.Version));
        Assert.Null(model.Opportunity("deleted"));
        Assert.Equal(1, model.TotalOpportunities(OpportunityKind.WorkPlacement));
        Assert.Equal(2, flaky.Failures - events.Count * 2);
    }

    [Fact]
    public async Task Only_the_sidecar_may_deliver_events()
    {
        var model = new MatchingReadModel();
        await using var app = await StartSubscriberAsync(model, new FlakyHandler(), "the-sidecars-token");
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(app.Urls.First());
        var appCallback = channel.CreateCallInvoker();
        var forged = new global::Dapr.AppCallback.Autogen.Grpc.v1.TopicEventRequest
        {
            PubsubName = "pubsub", Topic = "integration-events", DataContentType = "application/json",
            Data = Google.Protobuf.ByteString.CopyFromUtf8(Google.Protobuf.JsonFormatter.Default.Format(IntegrationEvents.Of(new OpportunityChanged { Opportunity = Opportunity("forged", 1) }))),
        };

        foreach (var token in new[] { null, "a-guess" })
        {
            var headers = token is null ? [] : new Grpc.Core.Metadata { { "dapr-api-token", token } };
            var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => appCallback.AsyncUnaryCall(DaprSidecarDouble.OnTopicEvent, null, new(headers), forged).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, refused.StatusCode);
        }
        Assert.Null(model.Opportunity("forged"));

        await appCallback.AsyncUnaryCall(DaprSidecarDouble.OnTopicEvent, null, new(new Grpc.Core.Metadata { { "dapr-api-token", "the-sidecars-token" } }), forged);
        Assert.NotNull(model.Opportunity("forged"));
    }

    private static async Task<WebApplication> StartSubscriberAsync(MatchingReadModel model, FlakyHandler flaky, string appApiToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddOptions<DaprEventsOptions>().Configure(o => o.AppApiToken = appApiToken);
        builder.Services.AddSingleton(model);
        builder.Services.AddSingleton<IIntegrationEventHandler, ReadModelEventHandler>();
        builder.Services.AddSingleton<IIntegrationEventHandler>(flaky);
        var app = builder.Build();
        app.MapGrpcService<DaprSubscriber>();
        await app.StartAsync();
        return app;
    }

    private static Opportunity Opportunity(string id, int version) => new()
    {
        Id = id, Version = version, ProviderId = "p", Kind = OpportunityKind.WorkPlacement, Title = $"v{version}", Occupation = "7512",
        RequiredDutchLevel = CefrLevel.A2, Location = new GeoPoint { Latitude = 52.17, Longitude = 5.29 }, MunicipalityCode = "GM0342", Capacity = 1,
        Schedule = new Availability { HoursPerWeek = 8, DayParts = { DayPart.MondayMorning } },
    };
}
