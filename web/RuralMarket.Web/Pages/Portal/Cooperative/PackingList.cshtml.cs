using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>A print-friendly page to put in the parcel: buyer, address, items, cash to collect.</summary>
public sealed class PackingListModel(RuralMarketDbContext db) : PortalPageModel
{
    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.CooperativeId == Cooperative.Id);
        if (order is null)
        {
            return NotFound();
        }
        Order = order;
        ProvinceName = await db.Provinces.NameOfAsync(order.DeliveryAddress.ProvinceCode);
        return Page();
    }
}
