using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Newcomers.TestSupport;

/// <summary>A real redis-server on a free loopback port, started for the tests and killed after them.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>For StackExchange.Redis: "127.0.0.1:port,allowAdmin=true".</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" }) start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                ConnectionString = $"127.0.0.1:{port},allowAdmin=true";
                Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",abortConnect=true");
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        process?.Kill(entireProcessTree: true);
        process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
