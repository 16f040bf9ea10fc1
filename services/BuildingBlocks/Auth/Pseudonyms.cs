using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>Stable keyed pseudonyms of newcomer ids: the same id gives the same pseudonym, which reveals nothing without the key.</summary>
public sealed class Pseudonyms(IOptions<AuthOptions> options)
{
    private readonly byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes("pseudonym:" +
        (options.Value.PseudonymKey.Length > 0 ? options.Value.PseudonymKey : options.Value.SigningKey + options.Value.Authority)));

    public string Of(string prefix, string id) => prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id)))[..16];
}
