using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// Cash-on-delivery orders reserve stock unpaid, so one client address may place only so many checkouts per window.
/// Only a checkout that is about to be placed takes from it: a form sent back for corrections, or the no-JavaScript
/// "show communes" button, never does, so an honest buyer fixing a typo is not locked out.
/// </summary>
public sealed class CheckoutQuota : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CheckoutQuota(IOptions<CheckoutLimits> options)
    {
        var limits = options.Value;
        Window = limits.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.OrdersPerWindow, Window = limits.Window, QueueLimit = 0 }));
    }

    public TimeSpan Window { get; }

    /// <summary>Takes one placement for this request's client; false when the client has used up the window.</summary>
    public bool TryTake(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(PostLimit.ClientKey(context));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
