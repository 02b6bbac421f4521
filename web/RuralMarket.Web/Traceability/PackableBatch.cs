using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Web.Traceability;

/// <summary>A harvested batch the packer may take a line's units from: it still holds the whole line.</summary>
public sealed record PackableBatch(Guid ProductId, Guid BatchId, string Lot, string Code, DateOnly HarvestedOn, int Remaining)
{
    public static async Task<ILookup<Guid, PackableBatch>> ForAsync(RuralMarketDbContext db, Order order, CancellationToken cancellationToken)
    {
        var productIds = order.Lines.Select(l => l.ProductId).ToList();
        var batches = await db.ProductBatches.AsNoTracking()
            .Where(b => productIds.Contains(EF.Property<Guid>(b, "ProductId")) && b.HarvestedOn != null && b.Received > b.Packed)
            .OrderBy(b => b.HarvestedOn).ThenBy(b => b.CreatedAt)
            .Select(b => new PackableBatch(EF.Property<Guid>(b, "ProductId"), b.Id, b.Lot, b.Code, b.HarvestedOn!.Value, b.Received - b.Packed))
            .ToListAsync(cancellationToken);
        return batches.Where(b => b.Remaining >= order.Lines.First(l => l.ProductId == b.ProductId).Quantity).ToLookup(b => b.ProductId);
    }
}
