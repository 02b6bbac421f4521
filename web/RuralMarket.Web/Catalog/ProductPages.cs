using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;

namespace RuralMarket.Web.Catalog;

public sealed record ProducerView(string HeadName, string Village, int Percent);

public sealed record CertificateView(int Stars, string Number, IssuingLevel Level, DateOnly IssuedOn, DateOnly ExpiresOn, bool IsValid, bool ExpiresSoon);

public sealed record ProductView(
    Product Product, string CooperativeSlug, string CooperativeName, string ProvinceName, string Commune,
    CertificateView? Certificate, IReadOnlyList<ProducerView> Producers, ProductReviews Reviews);

/// <summary>A cooperative's page: its products as the same cards search shows.</summary>
public sealed record CooperativeView(Cooperative Cooperative, string ProvinceName, IReadOnlyList<SearchHit> Products);

public sealed record CooperativeSummary(string Slug, string Name, string ProvinceName, string StoryOpening);

/// <summary>
/// The read side for the product and cooperative pages: only published products of verified cooperatives are shown,
/// so a draft, an archived product or an unverified cooperative is "not found" to a buyer.
/// </summary>
public sealed class ProductPages(RuralMarketDbContext db, TimeProvider clock)
{
    public async Task<ProductView?> FindProductAsync(string slug, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Status == ProductStatus.Published, cancellationToken);
        if (product is null)
        {
            return null;
        }
        var cooperative = await db.Cooperatives.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == product.CooperativeId && c.Verification == VerificationStatus.Verified, cancellationToken);
        if (cooperative is null)
        {
            return null;
        }
        var province = await db.Provinces.AsNoTracking().SingleAsync(p => p.Code == cooperative.Address.ProvinceCode, cancellationToken);
        var households = cooperative.Households.ToDictionary(h => h.Id);
        var producers = product.Producers
            .Where(p => households.ContainsKey(p.HouseholdId))
            .Select(p => new ProducerView(households[p.HouseholdId].HeadName, households[p.HouseholdId].Village, p.Percent))
            .OrderByDescending(p => p.Percent)
            .ToList();
        return new ProductView(product, cooperative.Slug, cooperative.Name, province.Name, cooperative.Address.Commune,
            Certificate(product), producers, await ProductReviews.OfAsync(db, product.Id, cancellationToken));
    }

    public async Task<CooperativeView?> FindCooperativeAsync(string slug, CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Slug == slug && c.Verification == VerificationStatus.Verified, cancellationToken);
        if (cooperative is null)
        {
            return null;
        }
        var province = await db.Provinces.AsNoTracking().SingleAsync(p => p.Code == cooperative.Address.ProvinceCode, cancellationToken);
        var products = await db.Products.AsNoTracking().AsSplitQuery()
            .Where(p => p.CooperativeId == cooperative.Id && p.Status == ProductStatus.Published)
            .ToListAsync(cancellationToken);
        var today = VietnamCalendar.Today(clock);
        var cards = products
            .OrderBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal)
            .Select(p => new SearchHit(
                p.Id, p.Slug, p.Name, p.Price.Dong, p.Unit.ToString(), p.NetWeightGrams, p.Stock > 0,
                p.HasValidOcopOn(today) ? p.Certificate!.Stars : null,
                cooperative.Slug, cooperative.Name, province.Code, province.Name, p.Category.ToString(),
                p.Photos.OrderBy(photo => photo.Position).Select(photo => (string?)new PhotoVariants(photo.PhotoId, photo.Width, photo.Height).ToString()).FirstOrDefault()))
            .ToList();
        return new CooperativeView(cooperative, province.Name, cards);
    }

    /// <summary>Verified cooperatives with the opening of their story (plain text, for the home page).</summary>
    public async Task<IReadOnlyList<CooperativeSummary>> CooperativesAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from c in db.Cooperatives.AsNoTracking()
            join province in db.Provinces.AsNoTracking() on c.Address.ProvinceCode equals province.Code
            where c.Verification == VerificationStatus.Verified
            select new { c.Slug, c.Name, Province = province.Name, c.Story }).ToListAsync(cancellationToken);
        return rows
            .Select(r => new CooperativeSummary(r.Slug, r.Name, r.Province, Opening(r.Story)))
            .OrderBy(c => VietnameseText.Fold(c.Name), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The first paragraph without Markdown marks, cut at a word near 160 characters.</summary>
    private static string Opening(string story)
    {
        var first = story.Split("\n\n", 2)[0].Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal).Trim();
        if (first.Length <= 160)
        {
            return first;
        }
        var cut = first.LastIndexOf(' ', 160);
        return first[..(cut > 0 ? cut : 160)] + "…";
    }

    /// <summary>Only a certificate the platform has checked is shown; an expired one is shown as expired.</summary>
    private CertificateView? Certificate(Product product)
    {
        if (product is not { Certificate: { } certificate, CertificateCheckedAt: not null })
        {
            return null;
        }
        var today = VietnamCalendar.Today(clock);
        var valid = product.HasValidOcopOn(today);
        return new CertificateView(certificate.Stars, certificate.Number, certificate.Level, certificate.IssuedOn, certificate.ExpiresOn,
            valid, valid && certificate.ExpiresSoonOn(today));
    }
}
