using System.Security.Cryptography;
using System.Text;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// An id is never used twice, even after its resource was deleted or erased: events about the old
/// resource must not be mistaken for the new one. A unique claim per id (keyed by a hash, so an
/// erased id is not kept) is taken on create and handed to "retired" on delete.
/// </summary>
public static class RetiredIds
{
    private const string InUse = "in-use";
    private const string Retired = "retired";

    public static ChangeSet Take(this ChangeSet changes, string collection, string id) => changes.Claim(Key(collection, id), InUse);

    public static ChangeSet Retire(this ChangeSet changes, string collection, string id) =>
        changes.Release(Key(collection, id)).Claim(Key(collection, id), Retired);

    private static string Key(string collection, string id) => $"id:{collection}:" + HashOf(id);

    /// <summary>A key part that stands for an id without holding it.</summary>
    public static string HashOf(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
