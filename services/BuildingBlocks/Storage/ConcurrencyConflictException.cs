namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A commit found a document at another version than the change was based on.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long expected, long actual)
    : Exception($"{collection}/{id} is at version {actual}, not {expected}")
{
    public string Collection { get; } = collection;
    public string Id { get; } = id;
    public long Actual { get; } = actual;
}
