using System.Diagnostics;
using System.Text.Json;

namespace Newcomers.TestSupport;

/// <summary>
/// A real OpenID Connect provider (node-oidc-provider, tests/Clients/node/oidc.mjs) on a free
/// loopback port. It issues RS256 JWT access tokens by the client credentials grant to the clients
/// it is given, with their role and scope as claims.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly Process process;

    private OidcProvider(Process process, string issuer) => (this.process, Issuer) = (process, issuer);

    /// <summary>The issuer URL, to configure as Auth:Authority.</summary>
    public string Issuer { get; }

    public static async Task<OidcProvider> StartAsync(params OidcClient[] clients)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("oidc-").FullName, "clients.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(clients, Web));
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

/// <summary>A client registered at the provider, and the claims its tokens carry.</summary>
public sealed record OidcClient(string Id, string Secret, string Role, string[]? Municipalities = null, string[]? Providers = null, string? Platform = null);

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
