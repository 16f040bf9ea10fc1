namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A secondary index entry: the document is found under (name, key).</summary>
public sealed record IndexEntry(string Name, string Key);
