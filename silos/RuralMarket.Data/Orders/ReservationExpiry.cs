using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Orders;

/// <summary>
/// Scheduled work: finds unpaid prepaid orders whose payment window has passed and expires each in its own
/// transaction. Safe with several silos running it: the order's version lets only one of them win.
/// </summary>
public sealed class ReservationExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReservationExpiry> logger)
{
    public async Task<int> ExpireDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var now = clock.GetUtcNow();
            due = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.Placed && o.PaidAt == null && o.ReservationExpiresAt <= now)
                .OrderBy(o => o.ReservationExpiresAt)
                .Select(o => o.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
        }
        var expired = 0;
        foreach (var orderId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                if (await scope.ServiceProvider.GetRequiredService<OrderCancellation>().ExpireAsync(orderId, cancellationToken))
                {
                    expired++;
                }
            }
            catch (ConcurrencyConflictException)
            {
                logger.LogDebug("Order {OrderId} changed while expiring it (paid, or expired by another silo); left as it is", orderId);
            }
        }
        return expired;
    }
}
