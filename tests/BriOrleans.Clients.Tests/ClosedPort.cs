using System.Net;
using System.Net.Sockets;

namespace BriOrleans.Clients.Tests;

/// <summary>Loopback ports for tests: one that was free a moment ago, and a URL where nothing listens.</summary>
internal static class ClosedPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A URL on a port that was just released, so connecting to it is refused.</summary>
    public static string Url() => $"http://127.0.0.1:{Free()}";
}
