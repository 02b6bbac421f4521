using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;

namespace RuralMarket.Web.Hosting;

/// <summary>The <c>Checkout</c> configuration section: how many checkouts one client address may post per window.</summary>
public sealed class CheckoutLimits
{
    public const string Section = "Checkout";
    public const string PolicyName = "checkout";

    [Range(1, 1000, ErrorMessage = "Checkout:OrdersPerWindow must be 1 to 1000.")]
    public int OrdersPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Checkout:Window must be 1 s to 1 day.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Who the limit counts against. Behind our ingress or load balancer (a private or loopback peer) the buyer's address
    /// is the right-most X-Forwarded-For entry, the one our proxy appended; entries further left come from the client and
    /// are not trusted. A public peer is the buyer itself.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is not null && IsPrivate(peer)
            && context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is [.., var last]
            && IPAddress.TryParse(last, out var forwarded))
        {
            return forwarded.ToString();
        }
        return peer?.ToString() ?? "unknown";
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6UniqueLocal || address.IsIPv6LinkLocal;
        }
        var bytes = address.GetAddressBytes();
        return bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168);
    }
}
