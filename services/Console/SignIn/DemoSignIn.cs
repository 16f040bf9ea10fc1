using Microsoft.Extensions.Configuration;
using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Console.SignIn;

/// <summary>
/// The demo sign-in: pick a role and a municipality or provider, and get a token signed with the local
/// key. On only when Demo:SignIn is true, and never when an OIDC authority is configured, so an
/// install without one offers nobody an admin picker.
/// </summary>
public sealed class DemoSignIn(IConfiguration configuration)
{
    public bool Enabled { get; } = configuration.GetValue<bool>("Demo:SignIn")
        && string.IsNullOrEmpty(configuration["Auth:Authority"]) && !string.IsNullOrEmpty(configuration["Auth:SigningKey"]);

    /// <summary>The roles a demo user may take.</summary>
    public static readonly string[] RolesOffered = [Roles.Caseworker, Roles.Coordinator, Roles.Provider, Roles.Policy, Roles.Admin];

    /// <summary>
    /// A token for the chosen role and scope; the demo's caseworkers are the caseworker_id of the demo region.
    /// Policy staff may take several municipalities ("GM0342,GM0308"), as a region's do.
    /// </summary>
    public string Token(AuthOptions auth, string role, string scope)
    {
        if (!Enabled) throw new InvalidOperationException("The demo sign-in is off");
        var municipalities = Municipalities(role, scope);
        var subject = role switch
        {
            Roles.Caseworker => $"{scope.ToLowerInvariant()}-klantmanager-1",
            Roles.Coordinator => $"{scope.ToLowerInvariant()}-coordinator",
            Roles.Provider => $"{scope}-medewerker",
            Roles.Policy => $"{municipalities[0].ToLowerInvariant()}-beleid",
            _ => "demo-beheerder",
        };
        return LocalTokens.Mint(auth, subject, role, role is Roles.Caseworker or Roles.Coordinator or Roles.Policy ? municipalities : null,
            role == Roles.Provider ? [scope] : null, lifetime: TimeSpan.FromHours(8));
    }

    /// <summary>The municipality codes a scope names: one, or for policy staff a list separated by commas.</summary>
    public static string[] Municipalities(string role, string scope) =>
        role == Roles.Policy ? [.. scope.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).Distinct()] : [scope];
}
