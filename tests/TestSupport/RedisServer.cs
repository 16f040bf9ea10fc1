using Xunit;
using System.Diagnostics;
using System.Net;
using StackExchange.Redis;

namespace Newcomers.TestSupport;

/// <summary>A real redis-server on a free loopback port, started for the tests and killed after them.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly bool appendOnly;
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("redis-").FullName;

    /// <summary>Where redis-server keeps its files (the append-only file, when it has one).</summary>
    public string Directory => directory;

    /// <summary>Without an append-only file (xunit fixtures need this one public constructor).</summary>
    public RedisServer()
    {
    }

    private RedisServer(bool appendOnly) => this.appendOnly = appendOnly;

    /// <summary>With an append-only file fsynced on every write.</summary>
    public static RedisServer WithAppendOnlyFile() => new(appendOnly: true);
    private Process? process;
    private int port;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>For StackExchange.Redis: "127.0.0.1:port", as a deployment gives it (the test's own <see cref="Connection"/> may also use admin commands).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        port = Ports.Free();
        Launch();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                ConnectionString = $"127.0.0.1:{port}";
                Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true,abortConnect=true");
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Kills the server at once (no clean shutdown) and starts it again on the same port and folder.
    /// With appendOnly every acknowledged write was fsynced to the append-only file first.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Launch();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Connection.IsConnected && DateTime.UtcNow < deadline) await Task.Delay(50);
    }

    private void Launch()
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        string[] args = ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--dir", directory, "--daemonize", "no",
            .. appendOnly ? new[] { "--appendonly", "yes", "--appendfsync", "always" } : ["--appendonly", "no"]];
        foreach (var arg in args) start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task DisposeAsync()
    {
        // Null when the server never answered: the test then fails with that, not with this.
        if (Connection is not null) await Connection.DisposeAsync();
        process?.Kill(entireProcessTree: true);
        process?.Dispose();
    }

}
