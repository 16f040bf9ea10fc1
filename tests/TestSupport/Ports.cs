using System.Net;
using System.Net.Sockets;

namespace Newcomers.TestSupport;

/// <summary>Loopback ports for servers the tests and benchmarks start.</summary>
public static class Ports
{
    /// <summary>A port no one listens on right now (the system's choice of a free one).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
