using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>A print-friendly page to put in the parcel: sender, buyer, address, items, dates, cash to collect.</summary>
public sealed class PackingListModel(RuralMarketDbContext db, TimeProvider clock) : PortalPageModel
{
    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public CooperativeAggregate Sender { get; private set; } = null!;

    public string SenderProvinceName { get; private set; } = string.Empty;

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.CooperativeId == Cooperative.Id);
        if (order is null)
        {
            return NotFound();
        }
        Order = order;
        ProvinceName = await db.Provinces.NameOfAsync(order.DeliveryAddress.ProvinceCode);
        Sender = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id);
        SenderProvinceName = await db.Provinces.NameOfAsync(Sender.Address.ProvinceCode);
        PrintedAt = clock.GetUtcNow();
        return Page();
    }
}
