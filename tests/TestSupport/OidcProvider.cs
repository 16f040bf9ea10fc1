using System.Diagnostics;
using System.Text.Json;

namespace Newcomers.TestSupport;

/// <summary>
/// A real OpenID Connect provider (node-oidc-provider, tests/Clients/node/oidc.mjs) on a free
/// loopback port. It issues RS256 JWT access tokens for the matching service (audience
/// newcomer-matching) with a role and its scope as claims: by the client credentials grant to the
/// clients it is given, and by the authorization code flow with PKCE to its users who sign in at one
/// of its web clients. People sign in on its plain form (/interaction/&lt;uid&gt;: fields "login", the
/// user's sub, and "password", button "Sign in"); consent is implied and sign-out (end_session) needs
/// no click. The ID token (scope profile) carries the user's name, role and scope too.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly Process process;

    private OidcProvider(Process process, string issuer) => (this.process, Issuer) = (process, issuer);

    /// <summary>The issuer URL, to configure as Auth:Authority.</summary>
    public string Issuer { get; }

    /// <summary>A provider for just these client credentials clients.</summary>
    public static Task<OidcProvider> StartAsync(params OidcClient[] clients) => StartAsync(new OidcOptions { Clients = clients });

    /// <summary>A provider for these clients, web clients and users; it is ready when this returns.</summary>
    public static async Task<OidcProvider> StartAsync(OidcOptions options)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("oidc-").FullName, "provider.json");
        var config = new { Clients = options.Clients.Cast<object>().Concat(options.WebClients), options.Users, options.AccessTokenSeconds };
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(config, Web));
        var script = Path.Combine(Repository.Root, "tests", "Clients", "node", "oidc.mjs");
        var process = Process.Start(new ProcessStartInfo("node") { ArgumentList = { script, file }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.ErrorDataReceived += (_, _) => { }; // its development warnings
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith('{'))
                return new OidcProvider(process, JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!);
        throw new InvalidOperationException($"The OIDC provider did not start (exit code {process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

/// <summary>What the provider is given: its clients, web clients and users, and how long access tokens live.</summary>
public sealed record OidcOptions
{
    /// <summary>Clients that get tokens by client credentials.</summary>
    public IReadOnlyList<OidcClient> Clients { get; init; } = [];

    /// <summary>Clients that people sign in at, by the authorization code flow.</summary>
    public IReadOnlyList<OidcWebClient> WebClients { get; init; } = [];

    /// <summary>The people who can sign in.</summary>
    public IReadOnlyList<OidcUser> Users { get; init; } = [];

    /// <summary>The lifetime of every access token, in seconds.</summary>
    public int AccessTokenSeconds { get; init; } = 600;
}

/// <summary>A client registered at the provider for the client credentials grant, and the claims its tokens carry.</summary>
public sealed record OidcClient(string Id, string Secret, string Role, string[]? Municipalities = null, string[]? Providers = null, string? Platform = null);

/// <summary>
/// A confidential web client for the authorization code flow with PKCE (S256 required). It sends its
/// secret in the form (client_secret_post), as ASP.NET Core's OpenIdConnect handler does, and gets
/// refresh tokens unless <paramref name="RefreshTokens"/> is false.
/// </summary>
public sealed record OidcWebClient(string Id, string Secret, string[] RedirectUris, string[] PostLogoutRedirectUris, bool RefreshTokens = true);

/// <summary>A person who signs in with <paramref name="Sub"/> as login and <paramref name="Password"/>, and the claims their tokens carry.</summary>
public sealed record OidcUser(string Sub, string Password, string Name, string Role, string[]? Municipalities = null, string[]? Providers = null, string? Platform = null);

/// <summary>Where the repository is, from a test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Matching.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Matching.sln not found above the test's folder");
    }
}
