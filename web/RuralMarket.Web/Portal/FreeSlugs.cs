using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Portal;

/// <summary>Storefront addresses for new products and cooperatives: the name's slug, or slug-2, slug-3 … when taken. URLs are never reused.</summary>
public static class FreeSlugs
{
    /// <summary>A free slug for one new product, asking the database which of its candidates are taken.</summary>
    public static async Task<string> ForProductAsync(RuralMarketDbContext db, string name, CancellationToken cancellationToken)
    {
        var stem = Stem(name);
        var taken = await db.Products.AsNoTracking().Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug)
            .ToListAsync(cancellationToken);
        return Next(name, taken.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The first free slug for the name among <paramref name="taken"/>, which then holds it too (for many new products at once).</summary>
    public static string Next(string name, ISet<string> taken)
    {
        var stem = Stem(name);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }
        taken.Add(slug);
        return slug;
    }

    /// <summary>Room is left for a "-n" suffix within the slug limit.</summary>
    private static string Stem(string name)
    {
        var stem = Slug.FromName(name);
        return stem.Length > Slug.MaxLength - 6 ? stem[..(Slug.MaxLength - 6)].TrimEnd('-') : stem;
    }
}
