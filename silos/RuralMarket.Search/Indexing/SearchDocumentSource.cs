using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;

namespace RuralMarket.Search.Indexing;

/// <summary>Reads what the index should hold from the database: published products of verified cooperatives.</summary>
public sealed class SearchDocumentSource(IDbContextFactory<RuralMarketDbContext> contexts)
{
    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, db.Products.Where(p => productIds.Contains(p.Id)), cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ProductsOfCooperativeAsync(Guid cooperativeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Products.Where(p => p.CooperativeId == cooperativeId).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Indexable(db, db.Products).CountAsync(cancellationToken);
    }

    /// <summary>Every indexable product, in batches, keyset-paged by id so a long rebuild never skips or repeats one.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var products = db.Products.AsQueryable();
            if (after is { } last)
            {
                products = products.Where(p => p.Id.CompareTo(last) > 0);
            }
            var batch = await ReadAsync(db, products.OrderBy(p => p.Id).Take(batchSize), cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }
            yield return batch;
            after = batch[^1].ProductId;
        }
    }

    private static IQueryable<Product> Indexable(RuralMarketDbContext db, IQueryable<Product> products) =>
        products.Where(p => p.Status == ProductStatus.Published
            && db.Cooperatives.Any(c => c.Id == p.CooperativeId && c.Verification == VerificationStatus.Verified));

    private static async Task<IReadOnlyList<SearchDocument>> ReadAsync(RuralMarketDbContext db, IQueryable<Product> products, CancellationToken cancellationToken)
    {
        var rows = await (
            from p in Indexable(db, products).AsNoTracking()
            join c in db.Cooperatives.AsNoTracking() on p.CooperativeId equals c.Id
            join province in db.Provinces.AsNoTracking() on c.Address.ProvinceCode equals province.Code
            select new
            {
                p.Id, p.Slug, p.Name, p.Description, p.EnglishName, p.EnglishDescription, p.Origin, p.Category, p.Unit, p.NetWeightGrams, p.Price, p.Stock,
                // An unchecked certificate earns no badge and no star facet (Product.HasValidOcopOn).
                Stars = p.Certificate == null || p.CertificateCheckedAt == null ? (int?)null : p.Certificate.Stars,
                ExpiresOn = p.Certificate == null || p.CertificateCheckedAt == null ? (DateOnly?)null : p.Certificate.ExpiresOn,
                p.PublishedAt, p.CreatedAt,
                CooperativeSlug = c.Slug, CooperativeName = c.Name, ProvinceCode = province.Code, ProvinceName = province.Name,
                Cover = p.Photos.OrderBy(photo => photo.Position).Select(photo => new { photo.PhotoId, photo.Width, photo.Height }).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows
            .Select(r => new SearchDocument(
                r.Id, r.Slug, r.Name, r.Description, r.Origin, r.Category.ToString(), r.Unit.ToString(), r.NetWeightGrams,
                r.Price.Dong, r.Stock > 0, r.Stars, r.ExpiresOn, r.PublishedAt ?? r.CreatedAt,
                r.CooperativeSlug, r.CooperativeName, r.ProvinceCode, r.ProvinceName,
                r.Cover is null ? null : new PhotoVariants(r.Cover.PhotoId, r.Cover.Width, r.Cover.Height).ToString(),
                r.EnglishName, r.EnglishDescription))
            .OrderBy(d => d.ProductId)
            .ToList();
    }
}
