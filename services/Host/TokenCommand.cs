using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Host;

/// <summary>
/// Mints a token signed with the standalone host's local key, for the demo roles:
/// <c>dotnet run --project services/Host -- mint-token --role caseworker --municipality GM0342 [--subject km-1] [--provider ID] [--platform ID] [--hours 8]</c>.
/// </summary>
public static class TokenCommand
{
    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().Build();
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        List<string> Values(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == $"--{name}" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var role = Values("role").FirstOrDefault() ?? "";
        if (!Roles.All.Contains(role) || options.SigningKey.Length == 0)
        {
            System.Console.Error.WriteLine($"usage: mint-token --role {string.Join('|', Roles.All)} [--municipality GM0342]... [--provider ID]... [--platform ID] [--subject NAME] [--hours 8]");
            System.Console.Error.WriteLine("(needs Auth:SigningKey; with an OIDC authority, get tokens from it instead)");
            return 2;
        }
        var hours = double.Parse(Values("hours").FirstOrDefault() ?? "8", System.Globalization.CultureInfo.InvariantCulture);
        System.Console.WriteLine(LocalTokens.Mint(options, Values("subject").FirstOrDefault() ?? $"demo-{role}", role, Values("municipality"), Values("provider"),
            Values("platform").FirstOrDefault() ?? "", TimeSpan.FromHours(hours)));
        return 0;
    }
}
