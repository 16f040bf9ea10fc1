using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Host;
using Newcomers.TestSupport;

namespace Newcomers.Benchmarks;

/// <summary>
/// The standalone host as its own process on a data directory, as an operator runs it (no demo
/// region, no model bootstrapped). It knows how long it took from process start to gRPC health
/// SERVING, how long the matching read model's rebuild took by the host's own log line
/// (<c>ReadModelLoader</c>: "Read model loaded in … ms"), and its resident set (VmRSS of
/// /proc/&lt;pid&gt;/status).
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<double> rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string grpcAddress)
    {
        this.process = process;
        GrpcAddress = grpcAddress;
    }

    /// <summary>The tokens the host accepts: it signs with the published key of its appsettings.json, on loopback only.</summary>
    public static AuthOptions Auth { get; } = new() { SigningKey = AuthOptions.PublishedDemoKey };

    public string GrpcAddress { get; }

    /// <summary>From starting the process to gRPC health SERVING, in milliseconds.</summary>
    public double ToServingMs { get; private set; }

    public static async Task<HostProcess> StartAsync(string dataDirectory)
    {
        var (grpcPort, httpPort) = (Ports.Free(), Ports.Free());
        var hostDll = typeof(StandaloneHost).Assembly.Location;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, $"--Storage:DataDirectory={dataDirectory}", $"--Hosting:GrpcPort={grpcPort}", $"--Hosting:HttpPort={httpPort}",
                "--Matching:BootstrapModel=false", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Newcomers.Matching.ReadModel.ReadModelLoader=Information" },
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        }) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostProcess(process, $"http://127.0.0.1:{grpcPort}");
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && Loaded().Match(line.Data) is { Success: true } match)
                host.rebuilt.TrySetResult(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = GrpcChannel.ForAddress(host.GrpcAddress);
        var health = new Health.HealthClient(probe);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the host exited with {process.ExitCode}");
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("the host did not report SERVING in 5 minutes");
            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving) break;
            }
            catch (Grpc.Core.RpcException)
            {
            }
            await Task.Delay(20);
        }
        host.ToServingMs = clock.Elapsed.TotalMilliseconds;
        return host;
    }

    /// <summary>The read model's rebuild at this start, as the host logged it, in milliseconds.</summary>
    public Task<double> RebuildMsAsync() => rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The resident set in bytes once it has settled: it moved less than 1% over the last 3 s (sampled every 500 ms), or after 60 s.</summary>
    public async Task<long> SettledResidentAsync()
    {
        var samples = new List<long>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            samples.Add(Resident());
            var last = samples.TakeLast(7).ToList();
            if (last.Count == 7 && last.Max() - last.Min() < last.Max() / 100 || clock.Elapsed > TimeSpan.FromSeconds(60)) return last[^1];
            await Task.Delay(500);
        }
    }

    /// <summary>VmRSS of the process, in bytes.</summary>
    public long Resident()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Stops the host as an operator does (SIGTERM, then its graceful shutdown), killing it only if it has not exited in 60 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Read model loaded in (\d+) ms")]
    private static partial Regex Loaded();
}
