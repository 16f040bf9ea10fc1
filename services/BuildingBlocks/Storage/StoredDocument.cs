namespace Newcomers.BuildingBlocks.Storage;

/// <summary>A document as stored: its id, version and bytes.</summary>
public sealed record StoredDocument(string Id, long Version, byte[] Body);
