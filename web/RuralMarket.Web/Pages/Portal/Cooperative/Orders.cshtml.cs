using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>The cooperative's incoming orders, newest first, optionally of one state.</summary>
public sealed class OrdersModel(RuralMarketDbContext db) : PortalPageModel
{
    public const int Shown = 200;

    [FromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    public OrderStatus? Status { get; private set; }

    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // An unknown state in the query string shows every order rather than failing.
        Status = Enum.TryParse<OrderStatus>(StatusFilter, ignoreCase: false, out var status) && Enum.IsDefined(status) ? status : null;
        var orders = db.Orders.AsNoTracking().Where(o => o.CooperativeId == Cooperative.Id);
        if (Status is { } only)
        {
            orders = orders.Where(o => o.Status == only);
        }
        Orders = await orders.OrderByDescending(o => o.PlacedAt).Take(Shown).ToListAsync();
    }
}
