using Newcomers.Contracts.V1;

namespace Newcomers.Matching.PlatformTopics;

/// <summary>Where a platform's match changes are published: the port in front of Dapr pub/sub.</summary>
public interface IPlatformTopics
{
    /// <summary>Publishes the change on the topic under the given event id; done once the broker has it.</summary>
    Task PublishAsync(string topic, string eventId, PlatformMatchChange change, CancellationToken cancellationToken);
}
