using System.Diagnostics;
using Grpc.Core;
using Newcomers.Contracts.V1;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The load-postcodes command against the store of a running host, SQLite and Redis: bad rows are
/// reported and nothing is written; a good file replaces the table; the same file twice changes
/// nothing; and the host uses the table at once.
/// </summary>
public sealed class PostcodeCommandTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    public async Task A_file_is_loaded_all_or_nothing_into_the_store_of_the_running_host(string storage)
    {
        var redis = storage == "redis" ? new RedisServer() : null;
        try
        {
            if (redis is not null) await redis.InitializeAsync();
            var data = RunningHost.NewDataDirectory();
            string[] settings = redis is null ? [$"--Storage:DataDirectory={data}"] : ["--Storage:Kind=redis", $"--Storage:Redis={redis.ConnectionString}"];
            await using var host = await RunningHost.StartAsync(data, settings);

            var bad = await PostcodeFiles.LoadAsync(PostcodeFiles.With("3762;GM0342;Soest;52,1850;5,2690", "37a2;GM0342;Soest;52.1;5.2",
                "3763;GM0342;Soest;52,1x;5.31", "3764;Soest;Soest;52.16;5.30", "3762;GM0342;Soest;52.16;5.30"), settings);
            Assert.Equal(1, bad.Exit);
            Assert.Contains("row 3, postcode: \"37a2\" is not four digits", bad.Errors, StringComparison.Ordinal);
            Assert.Contains("row 4, latitude: \"52,1x\" is not a number", bad.Errors, StringComparison.Ordinal);
            Assert.Contains("row 5, gemeentecode: \"Soest\" is not a CBS municipality code", bad.Errors, StringComparison.Ordinal);
            Assert.Contains("row 6, postcode: 3762 is also in row 2", bad.Errors, StringComparison.Ordinal);
            Assert.Contains("Nothing was loaded: 4 problem(s) in 4 row(s).", bad.Errors, StringComparison.Ordinal);
            Assert.Equal("", bad.Output);
            // Not even the good row was written.
            await Expect.Status(StatusCode.NotFound, () => host.Profiles.LookupPostcodeAsync(new() { Postcode = "3762" }).ResponseAsync);
            Assert.Empty((await host.Profiles.ListMunicipalitiesAsync(new())).Municipalities);

            // A decimal comma or a decimal point.
            var file = PostcodeFiles.With("3762;GM0342;Soest;52,1850;5,2690", "3763;GM0342;Soest;52.1620;5.3100", "3741;GM0308;Baarn;52,2120;5.2880");
            var good = await PostcodeFiles.LoadAsync(file, settings);
            Assert.Equal((0, ""), (good.Exit, good.Errors));
            Assert.Contains("3 postcodes loaded into ", good.Output, StringComparison.Ordinal);
            Assert.EndsWith(": 3 added, 0 changed, 0 removed (0 unchanged).\n", good.Output, StringComparison.Ordinal);
            var again = await PostcodeFiles.LoadAsync(file, settings);
            Assert.EndsWith(": 0 added, 0 changed, 0 removed (3 unchanged).\n", again.Output, StringComparison.Ordinal);

            var newcomer = Build.Newcomer();
            (newcomer.Home, newcomer.Postcode) = (null, "3762");
            var created = await host.Profiles.CreateNewcomerAsync(new() { Newcomer = newcomer });
            Assert.Equal((52.185, 5.269), (created.Home.Latitude, created.Home.Longitude));

            // 3762 moves, 3763 goes, 3764 comes, 3741 stays; while the host writes too.
            var loading = PostcodeFiles.LoadAsync(PostcodeFiles.With("3741;GM0308;Baarn;52,2120;5.2880", "3762;GM0342;Soest;52.18;5.27", "3764;GM0342;Soest;52.16;5.30"), settings);
            var writing = Enumerable.Range(0, 20).Select(_ => host.Profiles.CreateNewcomerAsync(new() { Newcomer = Build.Newcomer() }).ResponseAsync).ToList();
            var next = await loading;
            await Task.WhenAll(writing);
            Assert.EndsWith(": 1 added, 1 changed, 1 removed (1 unchanged).\n", next.Output, StringComparison.Ordinal);
            Assert.Equal(52.18, (await host.Profiles.LookupPostcodeAsync(new() { Postcode = "3762" })).Location.Latitude);
            await Expect.Status(StatusCode.NotFound, () => host.Profiles.LookupPostcodeAsync(new() { Postcode = "3763" }).ResponseAsync);
            Assert.Equal([("GM0308", 1), ("GM0342", 2)], (await host.Profiles.ListMunicipalitiesAsync(new())).Municipalities.Select(m => (m.Code, m.Postcodes)));
        }
        finally
        {
            if (redis is not null) await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_host_runs_the_command_from_its_command_line_with_its_own_settings()
    {
        var data = RunningHost.NewDataDirectory();
        var file = PostcodeFiles.With("3762;GM0342;Soest;52,1850;5,2690");
        var (exit, output, errors) = await RunHostAsync("load-postcodes", file, $"--Storage:DataDirectory={data}");
        Assert.Equal((0, ""), (exit, errors));
        Assert.Equal($"1 postcode loaded into {Path.Combine(data, "profiles.db")}: 1 added, 0 changed, 0 removed (0 unchanged).\n", output);

        (exit, _, errors) = await RunHostAsync("load-postcodes");
        Assert.Equal(2, exit);
        Assert.StartsWith("usage: load-postcodes <file.csv>", errors, StringComparison.Ordinal);

        await using var host = await RunningHost.StartAsync(data);
        Assert.Equal("Soest", (await host.Profiles.LookupPostcodeAsync(new() { Postcode = "3762" })).MunicipalityName);
    }

    [Fact]
    public async Task A_store_out_of_reach_loads_nothing_and_says_so()
    {
        var (exit, output, errors) = await PostcodeFiles.LoadAsync(PostcodeFiles.With("3762;GM0342;Soest;52,1850;5,2690"),
            "--Storage:Kind=redis", $"--Storage:Redis=127.0.0.1:{Ports.Free()},connectTimeout=300");
        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith("Nothing was loaded into Redis (keys profiles:…): RedisConnectionException", errors, StringComparison.Ordinal);
    }

    /// <summary>The standalone host's binary, as an operator runs it: dotnet services/Host/bin/…/Newcomers.Host.dll ARGS.</summary>
    private static async Task<(int Exit, string Output, string Errors)> RunHostAsync(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Repository.Root, "services", "Host", "bin", configuration, "net10.0", "Newcomers.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { dll }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
