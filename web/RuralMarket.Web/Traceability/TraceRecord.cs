using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Web.Traceability;

/// <summary>
/// What a batch's trace page shows, as Circular 02/2024/TT-BKHCN asks a consumer be told: the product and its photo,
/// the producer (cooperative and households) with address, production and harvest time, best-before, the OCOP
/// certificate when the platform checked it, and the batch's diary in the order things happened.
/// </summary>
public sealed record TraceRecord(
    ProductBatch Batch, Product Product, Cooperative Cooperative, string ProvinceName, IReadOnlyList<Household> Producers,
    IReadOnlyDictionary<Guid, string> HouseholdNames, bool CertificateShown)
{
    public IEnumerable<DiaryEntry> Diary => Batch.Entries.OrderBy(e => e.Day).ThenBy(e => e.Number);

    /// <summary>The entry's household by name; an entry for a household that has since left keeps showing who it was.</summary>
    public string? HouseholdOf(DiaryEntry entry) => entry.HouseholdId is { } id && HouseholdNames.TryGetValue(id, out var name) ? name : null;

    public static async Task<TraceRecord?> OfAsync(RuralMarketDbContext db, string code, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await db.ProductBatches.AsNoTracking().Where(b => b.Code == code)
            .Select(b => new { Batch = b, ProductId = EF.Property<Guid>(b, "ProductId") }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == found.ProductId, cancellationToken);
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == product.CooperativeId, cancellationToken);
        var province = await db.Provinces.NameOfAsync(cooperative.Address.ProvinceCode, cancellationToken);
        var producers = product.Producers.Select(p => cooperative.Households.FirstOrDefault(h => h.Id == p.HouseholdId)).OfType<Household>().ToList();
        var names = cooperative.Households.ToDictionary(h => h.Id, h => h.HeadName);
        return new TraceRecord(found.Batch, product, cooperative, province, producers, names, product.HasValidOcopOn(today));
    }
}
