using System.Security.Cryptography;
using System.Text;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>
/// Keys for one purpose each (pseudonyms, page tokens), derived from the service's secret: the
/// pseudonym key, or else the signing key and authority. Every replica with the same settings
/// derives the same keys.
/// </summary>
public static class Keys
{
    public static byte[] Derive(AuthOptions options, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + (options.PseudonymKey.Length > 0 ? options.PseudonymKey : options.SigningKey + options.Authority)));
}
