using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Payments;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// Refunds owed to buyers: transfers to pay by hand to the buyer's account (recorded here with the bank's reference),
/// card refunds Stripe has not taken yet (sent again), and paid orders that ended without anyone starting a refund,
/// so no buyer's money is forgotten. Amounts come from the order; nothing here types one.
/// </summary>
public sealed class RefundsModel(RuralMarketDbContext db, IGrainFactory grains, RefundSending refunds) : PageModel
{
    public const int Shown = 100;

    /// <summary>Refunds not sent yet, with their order (transfers and cards alike), oldest first.</summary>
    public IReadOnlyList<(Order Order, OrderRefund Refund)> Waiting { get; private set; } = [];

    /// <summary>Paid prepaid orders cancelled or lost with nothing refunded yet.</summary>
    public IReadOnlyList<Order> Unrefunded { get; private set; } = [];

    public IReadOnlyList<(Order Order, OrderRefund Refund)> Sent { get; private set; } = [];

    public IReadOnlyDictionary<Guid, (string Name, string Slug)> Cooperatives { get; private set; } = new Dictionary<Guid, (string, string)>();

    /// <summary>Resource key of the last action's refusal, with the refund it was about.</summary>
    public (Guid RefundId, string Key)? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTransferredAsync(Guid orderId, Guid refundId, string? bankReference, CancellationToken cancellationToken)
    {
        if (!await WaitsAsync(orderId, refundId, PaymentMethod.BankTransfer, cancellationToken))
        {
            return NotFound();
        }
        var reference = (bankReference ?? string.Empty).Trim();
        if (reference.Length is 0 or > 100)
        {
            return await RefusedAsync(refundId, "error.transfer.bank_reference", cancellationToken);
        }
        return await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(orderId).SendRefundAsync(refundId, reference, AccountClaims.AdminActorOf(User))) is { } refusal
            ? await RefusedAsync(refundId, $"error.{refusal.Code}", cancellationToken)
            : Redirect("/admin/refunds");
    }

    public async Task<IActionResult> OnPostResendAsync(Guid orderId, Guid refundId, CancellationToken cancellationToken)
    {
        if (!await WaitsAsync(orderId, refundId, PaymentMethod.Card, cancellationToken))
        {
            return NotFound();
        }
        return await refunds.SendByCardAsync(orderId, refundId, AccountClaims.AdminActorOf(User), cancellationToken)
            ? Redirect("/admin/refunds")
            : await RefusedAsync(refundId, "portal.refund.done.not_taken", cancellationToken);
    }

    private Task<bool> WaitsAsync(Guid orderId, Guid refundId, PaymentMethod method, CancellationToken cancellationToken) =>
        db.Orders.AnyAsync(o => o.Id == orderId && o.PaymentMethod == method && o.Refunds.Any(r => r.RefundId == refundId && r.SentAt == null), cancellationToken);

    private async Task<IActionResult> RefusedAsync(Guid refundId, string key, CancellationToken cancellationToken)
    {
        Error = (refundId, key);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.Orders.AsNoTracking().Where(o => o.Refunds.Any(r => r.SentAt == null)).Take(Shown).ToListAsync(cancellationToken);
        Waiting = [.. waiting.SelectMany(o => o.Refunds.Where(r => !r.IsSent).Select(r => (o, r))).OrderBy(p => p.r.RequestedAt)];
        Unrefunded = await db.Orders.AsNoTracking()
            .Where(o => o.PaymentMethod != PaymentMethod.CashOnDelivery && o.PaidAt != null
                && (o.Status == OrderStatus.Cancelled || o.Status == OrderStatus.Lost) && !o.Refunds.Any())
            .OrderBy(o => o.PlacedAt).Take(Shown).ToListAsync(cancellationToken);
        var sent = await db.Orders.AsNoTracking().Where(o => o.Refunds.Any(r => r.SentAt != null))
            .OrderByDescending(o => o.PlacedAt).Take(20).ToListAsync(cancellationToken);
        Sent = [.. sent.SelectMany(o => o.Refunds.Where(r => r.IsSent).Select(r => (o, r))).OrderByDescending(p => p.r.SentAt)];
        var ids = Waiting.Select(p => p.Order.CooperativeId).Concat(Unrefunded.Select(o => o.CooperativeId)).Concat(Sent.Select(p => p.Order.CooperativeId))
            .Distinct().ToList();
        Cooperatives = await db.Cooperatives.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.Slug), cancellationToken);
    }
}
