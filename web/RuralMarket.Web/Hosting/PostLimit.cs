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
    /// Who a limit counts against: the connection's address, which the forwarded-headers middleware has already replaced
    /// by the client's when, and only when, the request came through a proxy named in <see cref="ProxySettings"/>.
    /// </summary>
    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
