using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One incoming order: confirm it, reject it with a reason (its stock returns), or mark it packed.</summary>
public sealed class OrderModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
{
    public const int MaxReasonLength = 300;

    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(string code) =>
        ChangeAsync(code, order => order.ConfirmAsync(Cooperative.Actor));

    public Task<IActionResult> OnPostPackAsync(string code) =>
        ChangeAsync(code, order => order.PackAsync(Cooperative.Actor));

    public async Task<IActionResult> OnPostRejectAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        var reason = Reason?.Trim().Normalize() ?? string.Empty;
        return reason.Length is 0 or > MaxReasonLength
            ? await ProblemAsync("portal.order.reason_required")
            : await ChangeAsync(code, order => order.CancelAsync(CancellationReason.ByCooperative, reason, Cooperative.Actor));
    }

    private async Task<IActionResult> ChangeAsync(string code, Func<IOrderGrain, Task> change)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        return await Refusal.OfAsync(() => change(grains.GetGrain<IOrderGrain>(Order.Id))) is { } refusal
            ? await ProblemAsync($"error.{refusal.Code}")
            : Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}");
    }

    /// <summary>Only this cooperative's orders: another cooperative's order code in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(string code)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.CooperativeId == Cooperative.Id);
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
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(Order.Code) ? Page() : NotFound();
    }
}
