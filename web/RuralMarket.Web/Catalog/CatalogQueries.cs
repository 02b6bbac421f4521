using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Catalog;

/// <summary>What a product card shows. <see cref="OcopStars"/> is null when there is no certificate valid today.</summary>
public sealed record ProductCard(
    Guid Id, string Slug, string Name, Money Price, SalesUnit Unit, int NetWeightGrams, int Stock, int? OcopStars,
    string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string? PhotoKey)
{
    public bool InStock => Stock > 0;
}

public sealed record ProductPage(IReadOnlyList<ProductCard> Items, int Total, int Page, int PageSize);

/// <summary>
/// Read side of the catalogue for the storefront: published products of verified cooperatives, certified first.
/// The search work replaces the listing with the search port; this stays for pages that need no query.
/// </summary>
public sealed class CatalogQueries(RuralMarketDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>Certificates expire by the calendar in Vietnam (UTC+7, no daylight saving).</summary>
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    public async Task<ProductPage> ListPublishedAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var published =
            from p in db.Products.AsNoTracking()
            join c in db.Cooperatives.AsNoTracking() on p.CooperativeId equals c.Id
            join province in db.Provinces.AsNoTracking() on c.Address.ProvinceCode equals province.Code
            where p.Status == ProductStatus.Published && c.Verification == VerificationStatus.Verified
            select new { p, c, province };
        var total = await published.CountAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamTime).DateTime);
        var rows = await published
            .OrderByDescending(x => x.p.Certificate == null || x.p.Certificate.ExpiresOn < today ? 0 : x.p.Certificate.Stars)
            .ThenBy(x => x.p.Name)
            .ThenBy(x => x.p.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.p.Id, x.p.Slug, x.p.Name, x.p.Price, x.p.Unit, x.p.NetWeightGrams, x.p.Stock,
                Stars = x.p.Certificate == null ? (int?)null : x.p.Certificate.Stars,
                ExpiresOn = x.p.Certificate == null ? (DateOnly?)null : x.p.Certificate.ExpiresOn,
                CooperativeSlug = x.c.Slug, CooperativeName = x.c.Name,
                ProvinceCode = x.province.Code, ProvinceName = x.province.Name,
                PhotoKey = x.p.Photos.OrderBy(photo => photo.Position).Select(photo => photo.StorageKey).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ProductCard(r.Id, r.Slug, r.Name, r.Price, r.Unit, r.NetWeightGrams, r.Stock,
            r.ExpiresOn >= today ? r.Stars : null, r.CooperativeSlug, r.CooperativeName, r.ProvinceCode, r.ProvinceName, r.PhotoKey)).ToList();
        return new ProductPage(items, total, page, pageSize);
    }
}
