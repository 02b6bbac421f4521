using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Orders;

/// <summary>
/// Ends an order before it is packed and returns its reserved stock, in one transaction.
/// If someone else changed the order meanwhile, the version check refuses the save and the stock stays untouched.
/// </summary>
public sealed class OrderCancellation(RuralMarketDbContext db, StockLedger stock, TimeProvider clock)
{
    public Task CancelAsync(Guid orderId, CancellationReason reason, string note, CancellationToken cancellationToken) =>
        ChangeAsync(orderId, order => order.Cancel(reason, note, clock.GetUtcNow()), cancellationToken);

    /// <summary>Expires one unpaid prepaid order if its window has passed; returns false when there was nothing to do.</summary>
    public async Task<bool> ExpireAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var expired = false;
        await ChangeAsync(orderId, order =>
        {
            var now = clock.GetUtcNow();
            if (order.IsReservationExpired(now))
            {
                order.Expire(now);
                expired = true;
            }
        }, cancellationToken);
        return expired;
    }

    private async Task ChangeAsync(Guid orderId, Action<Order> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new DomainException("order.not_found", $"Order {orderId} does not exist.");
        change(order);
        if (order.Status != OrderStatus.Cancelled)
        {
            return;
        }
        await stock.ReleaseAsync(order, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
