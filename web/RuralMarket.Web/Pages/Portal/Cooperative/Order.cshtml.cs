using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One incoming order: confirm it, reject it with a reason (its stock returns), or mark it packed.</summary>
public sealed class OrderModel(RuralMarketDbContext db, OrderCancellation cancellation, TimeProvider clock) : PortalPageModel
{
    public const int MaxReasonLength = 300;

    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(string code, CancellationToken cancellationToken) =>
        ChangeAsync(code, "order.confirmed", order => order.Confirm(clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostPackAsync(string code, CancellationToken cancellationToken) =>
        ChangeAsync(code, "order.packed", order => order.Pack(clock.GetUtcNow()), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        var reason = Reason?.Trim().Normalize() ?? string.Empty;
        if (reason.Length is 0 or > MaxReasonLength)
        {
            return await ProblemAsync("portal.order.reason_required");
        }
        try
        {
            db.ActivityLog.Add(Cooperative.Activity("order.rejected", Order.Code, clock.GetUtcNow()));
            await cancellation.CancelAsync(Order.Id, CancellationReason.ByCooperative, reason, cancellationToken);
        }
        catch (DomainException error)
        {
            return await ProblemAsync($"error.{error.Code}");
        }
        return Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}");
    }

    private async Task<IActionResult> ChangeAsync(string code, string action, Action<Order> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        try
        {
            change(Order);
            db.ActivityLog.Add(Cooperative.Activity(action, Order.Code, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            return await ProblemAsync($"error.{error.Code}");
        }
        return Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}");
    }

    /// <summary>Only this cooperative's orders: another cooperative's order code in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(string code)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Code == code && o.CooperativeId == Cooperative.Id);
        if (order is null)
        {
            return false;
        }
        Order = order;
        ProvinceName = await db.Provinces.NameOfAsync(order.DeliveryAddress.ProvinceCode);
        return true;
    }

    /// <summary>Nothing of the failed change is kept: the page shows the order as stored, with the reason.</summary>
    private async Task<IActionResult> ProblemAsync(string key)
    {
        Error = key;
        db.ChangeTracker.Clear();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(Order.Code) ? Page() : NotFound();
    }
}
