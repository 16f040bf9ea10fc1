using Newcomers.BuildingBlocks.Auth;
using Newcomers.Console.SignIn;

namespace Newcomers.Console.Text;

/// <summary>Who the signed-in user is, in the header: "Klantmanager · GM0342".</summary>
public static class RoleText
{
    public static string Name(string role) => role switch
    {
        Roles.Caseworker => "Klantmanager",
        Roles.Coordinator => "Coördinator taalmaatjes",
        Roles.Provider => "Aanbieder",
        Roles.Platform => "Vrijwilligersplatform",
        Roles.Policy => "Beleid",
        Roles.Admin => "Functioneel beheerder",
        _ => role,
    };

    public static string Of(ConsoleUser user)
    {
        var scope = user.Municipalities.Count > 0 ? user.Municipalities : user.Providers;
        return scope.Count > 0 ? $"{Name(user.Role)} · {string.Join(", ", scope)}" : Name(user.Role);
    }
}
