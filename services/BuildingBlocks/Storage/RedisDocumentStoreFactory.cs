using StackExchange.Redis;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Opens each service's store as its own key prefix in one Redis database.</summary>
public sealed class RedisDocumentStoreFactory(IConnectionMultiplexer redis) : IDocumentStoreFactory
{
    public IDocumentStore Open(string service) => new RedisDocumentStore(redis, $"{service}:");
}
