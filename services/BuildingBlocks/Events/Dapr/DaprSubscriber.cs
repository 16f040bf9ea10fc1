using System.Security.Cryptography;
using System.Text;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Events.Dapr;

/// <summary>
/// Receives integration events from the Dapr sidecar through the app's gRPC AppCallback service
/// (the app speaks gRPC to its sidecar, so that service invocation reaches its gRPC services too).
/// Each event goes to every local handler; the handlers are idempotent, since Dapr delivers at
/// least once. A handler failure answers RETRY; an event that cannot be read answers DROP.
/// </summary>
public sealed class DaprSubscriber(IServiceProvider services, IOptions<DaprEventsOptions> options, ILogger<DaprSubscriber> logger)
    : AppCallback.AppCallbackBase
{
    public override Task<ListTopicSubscriptionsResponse> ListTopicSubscriptions(Empty request, ServerCallContext context)
    {
        Authenticate(context);
        return Task.FromResult(new ListTopicSubscriptionsResponse
        {
            Subscriptions = { new TopicSubscription { PubsubName = options.Value.PubSub, Topic = options.Value.Topic } },
        });
    }

    public override async Task<TopicEventResponse> OnTopicEvent(TopicEventRequest request, ServerCallContext context)
    {
        Authenticate(context);
        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = JsonParser.Default.Parse<IntegrationEvent>(request.Data.ToStringUtf8());
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException)
        {
            logger.LogWarning("Dropped an event on {Topic} that is not an integration event", request.Topic);
            return new TopicEventResponse { Status = TopicEventResponse.Types.TopicEventResponseStatus.Drop };
        }
        try
        {
            await EventDelivery.ToEveryHandlerAsync(services, integrationEvent, context.CancellationToken);
            return new TopicEventResponse { Status = TopicEventResponse.Types.TopicEventResponseStatus.Success };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Handling a {Payload} event failed ({ExceptionType}); asking for redelivery", integrationEvent.PayloadCase, exception.GetType().Name);
            return new TopicEventResponse { Status = TopicEventResponse.Types.TopicEventResponseStatus.Retry };
        }
    }

    private void Authenticate(ServerCallContext context)
    {
        var expected = options.Value.AppApiToken;
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.RequestHeaders.GetValue("dapr-api-token") ?? ""), Encoding.UTF8.GetBytes(expected)))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "not the sidecar"));
    }
}
