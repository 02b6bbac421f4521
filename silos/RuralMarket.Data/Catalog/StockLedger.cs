using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Data.Catalog;

/// <summary>
/// Reserves and returns stock with one conditional UPDATE each, so two buyers can never take the same unit:
/// the database decides, not a value read earlier. Call inside the transaction that saves the order.
/// Each change bumps the product's version, so a save from a stale copy of the product is refused.
/// </summary>
public sealed class StockLedger(RuralMarketDbContext db)
{
    public async Task<bool> TryReserveAsync(Guid productId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var updated = await db.Products
            .Where(p => p.Id == productId && p.Status == ProductStatus.Published && p.Stock >= quantity)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.Stock, p => p.Stock - quantity)
                .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        return updated == 1;
    }

    public async Task ReleaseAsync(Order order, CancellationToken cancellationToken)
    {
        foreach (var line in order.Lines)
        {
            await db.Products
                .Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.Stock, p => p.Stock + line.Quantity)
                    .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        }
    }
}
