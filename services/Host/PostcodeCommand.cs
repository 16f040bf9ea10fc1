using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Profiles;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Host;

/// <summary>
/// Loads the Profiles service's postcode table from a CSV file (<see cref="PostcodeFile"/>):
/// <c>dotnet run --project services/Host -- load-postcodes postcodes.csv [--Storage:DataDirectory=data] [--Storage:Kind=redis --Storage:Redis=…]</c>.
/// Every bad row is reported, and then nothing is written; a good file replaces the table whole.
/// It opens the store the host opens, with the host's settings read the host's way. The host may
/// be running meanwhile: SQLite lets a second process write the same file (each waits for the
/// other's commit), and Redis runs one commit at a time; the service reads the table on every call.
/// </summary>
public static class PostcodeCommand
{
    /// <summary>The command's name on the host's command line.</summary>
    public const string Name = "load-postcodes";

    /// <summary>Runs the command: 0 when the table was loaded, 1 when nothing was (a bad file, a store out of reach), 2 for a usage error.</summary>
    /// <param name="args">The file, then settings such as --Storage:DataDirectory=data.</param>
    /// <param name="output">Where the outcome goes.</param>
    /// <param name="error">Where the problems go.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine($"usage: {Name} <file.csv> [--Storage:DataDirectory=data] [--Storage:Kind=redis --Storage:Redis=host:port]");
            error.WriteLine($"(a CSV file with the header {string.Join(';', PostcodeRules.Columns)}; see docs/configuration.md)");
            return 2;
        }
        var path = args[0];
        List<Postcode> entries;
        List<PostcodeProblem> problems;
        try
        {
            (entries, problems) = PostcodeFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: cannot be read: {e.Message}");
            return 1;
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems) error.WriteLine($"{path}: {problem}");
            var rows = problems.Where(p => p.Row > 0).Select(p => p.Row).Distinct().Count();
            error.WriteLine($"Nothing was loaded: {problems.Count} problem(s){(rows > 0 ? $" in {rows} row(s)" : "")}.");
            return 1;
        }
        var where = "the store";
        try
        {
            await using var services = Services(args[1..]);
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            where = storage.Kind == "redis" ? $"Redis (keys {ProfileStore.Service}:…)" : Path.GetFullPath(Path.Combine(storage.DataDirectory, ProfileStore.Service + ".db"));
            var load = await services.GetRequiredService<PostcodeTable>().ReplaceAsync(entries);
            output.WriteLine($"{load.Loaded} postcode{(load.Loaded == 1 ? "" : "s")} loaded into {where}: {load.Added} added, {load.Changed} changed, {load.Removed} removed ({load.Unchanged} unchanged).");
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A setting that does not parse, a store out of reach or not ours to write: the table is as it was.
            error.WriteLine($"Nothing was loaded into {where}: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The Profiles store as the host opens it: the host's builder reads the settings (appsettings.json beside the binary, environment variables, the command line).</summary>
    private static ServiceProvider Services(string[] settings)
    {
        var configuration = ServiceProcess.CreateBuilder(settings).Configuration;
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton(sp => new Markers(Keys.Derive(sp.GetRequiredService<IOptions<AuthOptions>>().Value, "marker")));
        services.AddInfrastructure(configuration).AddProfiles();
        return services.BuildServiceProvider();
    }
}
