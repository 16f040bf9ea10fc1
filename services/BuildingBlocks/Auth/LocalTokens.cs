using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>Mints tokens signed with the local key, for the standalone host and its tests.</summary>
public static class LocalTokens
{
    public static string Mint(AuthOptions options, string subject, string role, IEnumerable<string>? municipalities = null,
        IEnumerable<string>? providers = null, string platform = "", TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        claims.AddRange((municipalities ?? []).Select(m => new Claim("municipality", m)));
        claims.AddRange((providers ?? []).Select(p => new Claim("provider", p)));
        if (platform.Length > 0) claims.Add(new Claim("platform", platform));
        return Mint(options, claims, lifetime);
    }

    /// <summary>A token with exactly these claims (tests use it for tokens a careless issuer might write).</summary>
    public static string Mint(AuthOptions options, IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer, Audience = options.Audience, Subject = new ClaimsIdentity(claims), IssuedAt = now, NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey Key(AuthOptions options) => new(Convert.FromBase64String(options.SigningKey));
}
