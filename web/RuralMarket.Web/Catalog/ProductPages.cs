using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Catalog;

public sealed record ProducerView(string HeadName, string Village, int Percent);

public sealed record CertificateView(int Stars, string Number, IssuingLevel Level, DateOnly IssuedOn, DateOnly ExpiresOn, bool IsValid, bool ExpiresSoon);

public sealed record ProductView(
    Product Product, string CooperativeSlug, string CooperativeName, string ProvinceName, string Commune,
    CertificateView? Certificate, IReadOnlyList<ProducerView> Producers);

public sealed record CooperativeView(Cooperative Cooperative, string ProvinceName, IReadOnlyList<Product> Products);

/// <summary>
/// The read side for the product and cooperative pages: only published products of verified cooperatives are shown,
/// so a draft, an archived product or an unverified cooperative is "not found" to a buyer.
/// </summary>
public sealed class ProductPages(RuralMarketDbContext db, TimeProvider clock)
{
    /// <summary>A certificate within this many days of expiry is flagged.</summary>
    public const int ExpiryWarningDays = 60;

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
            Certificate(product.Certificate), producers);
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
        var products = await db.Products.AsNoTracking()
            .Where(p => p.CooperativeId == cooperative.Id && p.Status == ProductStatus.Published)
            .ToListAsync(cancellationToken);
        return new CooperativeView(cooperative, province.Name, products.OrderBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal).ToList());
    }

    private CertificateView? Certificate(OcopCertificate? certificate)
    {
        if (certificate is null)
        {
            return null;
        }
        var today = VietnamCalendar.Today(clock);
        var valid = certificate.IsValidOn(today);
        return new CertificateView(certificate.Stars, certificate.Number, certificate.Level, certificate.IssuedOn, certificate.ExpiresOn,
            valid, valid && certificate.ExpiresOn <= today.AddDays(ExpiryWarningDays));
    }
}
