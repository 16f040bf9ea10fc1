using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// Paging of the List RPCs. A page token is sealed (AES-GCM) and bound to the caller and the query:
/// it names nothing to whoever holds it, and is of no use to another caller or another query. It
/// holds the last item of the page, which is always one the caller was allowed to see.
/// </summary>
public sealed class Pages(IOptions<AuthOptions> options)
{
    private const int NonceBytes = 12, TagBytes = 16;
    private readonly byte[] key = Keys.Derive(options.Value, "page-token");

    /// <summary>The page size asked for, or the default for 0.</summary>
    public static int Size(int requested) => requested == 0 ? Validation.Rules.DefaultPageSize : requested;

    /// <summary>The token of the page after the item with this id; empty when there is no next page.</summary>
    public string Next(Caller caller, string query, string? lastId)
    {
        if (lastId is null) return "";
        var plain = Encoding.UTF8.GetBytes(lastId);
        var sealedToken = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedToken.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedToken.AsSpan(NonceBytes, plain.Length), sealedToken.AsSpan(NonceBytes + plain.Length), Bound(caller, query));
        return Convert.ToBase64String(sealedToken).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null for an empty token; false for a token this caller did not get for this query.</summary>
    public bool TryRead(string token, Caller caller, string query, out string? afterId)
    {
        afterId = null;
        if (string.IsNullOrEmpty(token)) return true;
        if (token.Length > 2000) return false;
        try
        {
            var text = token.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(text + new string('=', (4 - text.Length % 4) % 4));
            if (bytes.Length <= NonceBytes + TagBytes) return false;
            var plain = new byte[bytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(NonceBytes + plain.Length), plain, Bound(caller, query));
            afterId = Encoding.UTF8.GetString(plain);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static byte[] Bound(Caller caller, string query) => Encoding.UTF8.GetBytes($"{caller.Role}\n{caller.Subject}\n{query}");
}
