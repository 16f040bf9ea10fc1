using System.Diagnostics;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Newcomers.TestSupport;

/// <summary>One service of the product as its own process (dotnet Service.dll), on free loopback ports.</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly string dll;
    private readonly List<string> args;
    private Process? process;

    private ServiceUnderTest(string dll, IEnumerable<string> args, int grpcPort, int? httpPort = null)
    {
        this.dll = dll;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        httpPort ??= Ports.Free();
        HttpAddress = $"http://127.0.0.1:{httpPort}";
        this.args = [.. args, $"--Hosting:GrpcPort={grpcPort}", $"--Hosting:HttpPort={httpPort}", "--Logging:LogLevel:Default=Warning"];
    }

    public string GrpcAddress { get; }

    /// <summary>The HTTP/1.1 port: health, and the console in the standalone host.</summary>
    public string HttpAddress { get; }

    /// <summary>Starts services/{name}/bin/…/{name}.dll, built beside the tests, and waits until it reports SERVING.</summary>
    public static async Task<ServiceUnderTest> StartAsync(string name, params string[] args)
    {
        var service = new ServiceUnderTest(DllOf(name), args, Ports.Free());
        await service.StartAsync();
        return service;
    }

    /// <summary>Starts the standalone host (services/Host, Newcomers.Host.dll) as its own process, as an operator runs it.</summary>
    public static Task<ServiceUnderTest> StandaloneHostAsync(params string[] args) => StandaloneHostAsync(Ports.Free(), args);

    /// <summary>The standalone host with its HTTP/1.1 port given beforehand (an OIDC client's redirect URI names it).</summary>
    public static async Task<ServiceUnderTest> StandaloneHostAsync(int httpPort, params string[] args)
    {
        var service = new ServiceUnderTest(DllOf("Host", "Newcomers.Host"), args, Ports.Free(), httpPort);
        await service.StartAsync();
        return service;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var channel = GrpcChannel.ForAddress(GrpcAddress);
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}");
            try
            {
                if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (Grpc.Core.RpcException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Path.GetFileName(dll)} did not report SERVING");
    }

    /// <summary>Kills the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private static string DllOf(string name, string? assembly = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Repository.Root, "services", name, "bin", configuration, "net10.0", $"{assembly ?? name}.dll");
    }

}
