using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;

namespace RuralMarket.Web.Traceability;

/// <summary>A batch as the portal lists it, without its diary.</summary>
public sealed record BatchRow(Guid Id, string Code, string Lot, DateOnly StartedOn, DateOnly? HarvestedOn, DateOnly? BestBefore, int Received, int Packed, int Entries)
{
    public int Remaining => Received - Packed;

    /// <summary>Newest first.</summary>
    public static async Task<IReadOnlyList<BatchRow>> OfProductAsync(RuralMarketDbContext db, Guid productId, CancellationToken cancellationToken) =>
        await db.ProductBatches.AsNoTracking().Where(b => EF.Property<Guid>(b, "ProductId") == productId).OrderByDescending(b => b.CreatedAt)
            .Select(b => new BatchRow(b.Id, b.Code, b.Lot, b.StartedOn, b.HarvestedOn, b.BestBefore, b.Received, b.Packed, b.Entries.Count))
            .ToListAsync(cancellationToken);
}
