using System.Net;
using System.Net.Sockets;

namespace RuralMarket.Testing;

/// <summary>
/// Loopback ports nobody listens on now and this test run has not handed out before, so parallel tests' silos and
/// gateways never collide (the OS may offer a port it just gave back: CI once got the same one for silo and gateway).
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
