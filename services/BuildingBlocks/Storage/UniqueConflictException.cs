namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A commit tried to claim a unique key that another owner holds.</summary>
public sealed class UniqueConflictException(string key, string owner)
    : Exception($"'{key}' is already held by {owner}")
{
    public string Key { get; } = key;
    public string Owner { get; } = owner;
}
