using System.Net;
using System.Net.Sockets;

namespace RuralMarket.Testing;

/// <summary>Loopback ports nobody listens on now, so parallel tests' silos and gateways never collide.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
