using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace RuralMarket.Web.Hosting;

/// <summary>Limits on form posts (checkouts, sign-ins), counted per client address; reading pages is never limited.</summary>
public static class PostLimit
{
    public static RateLimitPartition<string> PerClient(HttpContext context, int permitLimit, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary>
    /// Who a limit counts against. Behind our ingress or load balancer (a private or loopback peer) the client's address
    /// is the right-most X-Forwarded-For entry, the one our proxy appended; entries further left come from the client and
    /// are not trusted. A public peer is the client itself.
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
