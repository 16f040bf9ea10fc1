using System.Security.Cryptography;
using System.Text;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// Key parts that stand for an id without holding it: an HMAC of the id under the service's
/// secret, so a marker cannot be traced back by hashing candidate ids. Stores written before
/// markers were keyed hold bare SHA-256 markers; those are still checked beside the keyed ones,
/// since the id behind one may be gone and it cannot be rewritten.
/// </summary>
public sealed class Markers(byte[] key)
{
    public string Of(string id) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id)));

    public static string Unkeyed(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
