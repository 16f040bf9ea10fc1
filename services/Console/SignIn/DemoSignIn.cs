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
    public static readonly string[] RolesOffered = [Roles.Caseworker, Roles.Coordinator, Roles.Provider, Roles.Admin];

    /// <summary>A token for the chosen role and scope; the demo's caseworkers are the caseworker_id of the demo region.</summary>
    public string Token(AuthOptions auth, string role, string scope)
    {
        if (!Enabled) throw new InvalidOperationException("The demo sign-in is off");
        var subject = role switch
        {
            Roles.Caseworker => $"{scope.ToLowerInvariant()}-klantmanager-1",
            Roles.Coordinator => $"{scope.ToLowerInvariant()}-coordinator",
            Roles.Provider => $"{scope}-medewerker",
            _ => "demo-beheerder",
        };
        return LocalTokens.Mint(auth, subject, role, role is Roles.Caseworker or Roles.Coordinator ? [scope] : null,
            role == Roles.Provider ? [scope] : null, lifetime: TimeSpan.FromHours(8));
    }
}
