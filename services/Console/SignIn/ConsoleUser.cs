using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Console.SignIn;

/// <summary>
/// The signed-in person: the access token the API gets with every call, and what its claims say
/// (role and scope), which decides what the console shows. The API still decides what is allowed.
/// </summary>
public sealed record ConsoleUser(string Subject, string Name, string Role, IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Providers, string Token, DateTimeOffset Expires)
{
    private const string TokenClaim = "access_token";
    private const string ExpiresClaim = "access_token_expires";

    public bool IsCaseworker => Role == Roles.Caseworker;
    public bool IsCoordinator => Role == Roles.Coordinator;
    public bool IsProvider => Role == Roles.Provider;
    public bool IsAdmin => Role == Roles.Admin;
    public bool IsPolicy => Role == Roles.Policy;

    /// <summary>Roles that see the monitoring figures (aggregates): policy staff and the staff.</summary>
    public bool MayMonitor => Roles.Monitoring.Contains(Role);

    /// <summary>Roles that see the early warnings of a caseload.</summary>
    public bool SeesWarnings => Role is Roles.Caseworker or Roles.Admin;

    /// <summary>Staff who work with newcomers' records.</summary>
    public bool IsStaff => Role is Roles.Caseworker or Roles.Coordinator or Roles.Admin;

    /// <summary>The cookie identity for an access token: its claims, the token itself and when it expires.</summary>
    public static ClaimsPrincipal Principal(string accessToken, string name, string scheme)
    {
        var token = new JsonWebToken(accessToken);
        var claims = token.Claims.Where(c => c.Type is "sub" or "role" or "municipality" or "provider" or "platform").ToList();
        claims.Add(new Claim("name", name.Length > 0 ? name : token.Subject));
        claims.Add(new Claim(TokenClaim, accessToken));
        claims.Add(new Claim(ExpiresClaim, token.ValidTo.ToString("O")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, "name", "role"));
    }

    /// <summary>The user of a signed-in principal; null when it carries no access token.</summary>
    public static ConsoleUser? Of(ClaimsPrincipal principal)
    {
        var token = principal.FindFirstValue(TokenClaim);
        if (token is null || !DateTimeOffset.TryParse(principal.FindFirstValue(ExpiresClaim), out var expires)) return null;
        return new ConsoleUser(principal.FindFirstValue("sub") ?? "", principal.FindFirstValue("name") ?? "", principal.FindFirstValue("role") ?? "",
            principal.FindAll("municipality").Select(c => c.Value).ToList(), principal.FindAll("provider").Select(c => c.Value).ToList(), token, expires);
    }
}
