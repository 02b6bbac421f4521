using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

public sealed class ProductsModel(RuralMarketDbContext db) : PortalPageModel
{
    public IReadOnlyList<Product> Products { get; private set; } = [];

    public async Task OnGetAsync() =>
        Products = await db.Products.AsNoTracking().AsSplitQuery().Where(p => p.CooperativeId == Cooperative.Id).OrderBy(p => p.Name).ToListAsync();
}
