namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A commit tried to reserve a slot of a counter that stands at its limit.</summary>
public sealed class CapacityExceededException(string key, long limit)
    : Exception($"counter '{key}' is at its limit of {limit}")
{
    public string Key { get; } = key;
}
