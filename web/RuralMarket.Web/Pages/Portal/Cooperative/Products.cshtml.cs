using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>What needs attention on a product in the list: its certificate's state, or a missing photo.</summary>
public enum ProductWarning
{
    CertificateExpired,
    CertificateExpiresSoon,
    CertificateWaiting,
    NoPhoto,
}

public sealed class ProductsModel(RuralMarketDbContext db, TimeProvider clock) : PortalPageModel
{
    public IReadOnlyList<Product> Products { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = VietnamCalendar.Today(clock);
        Products = await db.Products.AsNoTracking().AsSplitQuery().Where(p => p.CooperativeId == Cooperative.Id).OrderBy(p => p.Name).ToListAsync();
    }

    public IEnumerable<ProductWarning> WarningsOf(Product product)
    {
        if (product.Certificate is { } certificate)
        {
            if (certificate.ExpiresOn < Today)
            {
                yield return ProductWarning.CertificateExpired;
            }
            else if (certificate.ExpiresSoonOn(Today))
            {
                yield return ProductWarning.CertificateExpiresSoon;
            }
            if (product.CertificateCheckedAt is null)
            {
                yield return ProductWarning.CertificateWaiting;
            }
        }
        if (product.Photos.Count == 0 && product.Status != ProductStatus.Archived)
        {
            yield return ProductWarning.NoPhoto;
        }
    }
}
