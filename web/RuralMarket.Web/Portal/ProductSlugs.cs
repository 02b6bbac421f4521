using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Portal;

/// <summary>Storefront addresses for new products: the name's slug, or slug-2, slug-3 … when taken. URLs are never reused.</summary>
public static class ProductSlugs
{
    /// <param name="reserved">Slugs already promised to products not yet saved (other rows of the same import); the new one is added.</param>
    public static async Task<string> FreeAsync(RuralMarketDbContext db, string name, ISet<string> reserved, CancellationToken cancellationToken)
    {
        var stem = Slug.FromName(name);
        stem = stem.Length > Slug.MaxLength - 6 ? stem[..(Slug.MaxLength - 6)].TrimEnd('-') : stem;
        var taken = (await db.Products.AsNoTracking().Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        taken.UnionWith(reserved);
        var slug = taken.Contains(stem) ? Enumerable.Range(2, taken.Count + 1).Select(n => $"{stem}-{n}").First(s => !taken.Contains(s)) : stem;
        reserved.Add(slug);
        return slug;
    }
}
