namespace Newcomers.BuildingBlocks.Storage;

/// <summary>An integration event committed with a change, not yet acknowledged as published.</summary>
public sealed record OutboxEntry(long Sequence, byte[] Body);
