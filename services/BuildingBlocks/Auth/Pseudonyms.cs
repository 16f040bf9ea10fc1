using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>Stable keyed pseudonyms of newcomer ids: the same id gives the same pseudonym, which reveals nothing without the key.</summary>
public sealed class Pseudonyms(IOptions<AuthOptions> options)
{
    private readonly byte[] key = Keys.Derive(options.Value, "pseudonym");

    public string Of(string prefix, string id) => prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id)))[..16];
}
