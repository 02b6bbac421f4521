using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;

namespace RuralMarket.Web.Traceability;

/// <summary>The batches a cooperative's staff may write in, and what was written lately.</summary>
public static class CooperativeDiary
{
    public sealed record Choice(Guid BatchId, Guid ProductId, string ProductName, string Lot);

    /// <summary>Every batch of the cooperative's products that are not archived, newest first.</summary>
    public static async Task<IReadOnlyList<Choice>> BatchesAsync(RuralMarketDbContext db, Guid cooperativeId, CancellationToken cancellationToken)
    {
        var products = await db.Products.AsNoTracking().Where(p => p.CooperativeId == cooperativeId && p.Status != Domain.Catalog.ProductStatus.Archived)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var ids = products.Select(p => p.Id).ToList();
        var batches = await db.ProductBatches.AsNoTracking().Where(b => ids.Contains(EF.Property<Guid>(b, "ProductId"))).OrderByDescending(b => b.CreatedAt)
            .Select(b => new { b.Id, b.Lot, ProductId = EF.Property<Guid>(b, "ProductId") }).ToListAsync(cancellationToken);
        return [.. batches.Select(b =>
        {
            var product = products.First(p => p.Id == b.ProductId);
            return new Choice(b.Id, product.Id, product.Name, b.Lot);
        })];
    }

    /// <summary>The latest entries in the given batches, newest first (a cooperative's batches and their diaries are small enough to read whole).</summary>
    public static async Task<IReadOnlyList<DiaryRow>> LatestAsync(RuralMarketDbContext db, IReadOnlyList<Choice> batches, int count, CancellationToken cancellationToken)
    {
        var ids = batches.Select(b => b.BatchId).ToList();
        var stored = await db.ProductBatches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);
        return [.. stored.SelectMany(b => b.Entries.Select(e => (Batch: b, Entry: e))).OrderByDescending(r => r.Entry.WrittenAt).ThenByDescending(r => r.Entry.Number).Take(count)
            .Select(r =>
            {
                var batch = batches.First(b => b.BatchId == r.Batch.Id);
                return new DiaryRow(r.Batch.Id, batch.ProductName, batch.Lot, r.Batch.Code, r.Entry);
            })];
    }
}
