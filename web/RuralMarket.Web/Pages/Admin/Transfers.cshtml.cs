using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// The review queue of bank transfers (and card payments) that paid nothing (no order named, wrong amount, too late, paid twice). The admin
/// matches one to an order by hand, which the order grain must still accept (exact total, still waiting), or records
/// that the money was sent back, with the bank's reference. Nothing here changes an amount.
/// </summary>
public sealed class TransfersModel(RuralMarketDbContext db, IGrainFactory grains) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<BankTransfer> Waiting { get; private set; } = [];

    public IReadOnlyList<BankTransfer> Resolved { get; private set; } = [];

    /// <summary>Card payments Stripe took that paid nothing (a total that differs, an order no longer waiting): to refund in Stripe.</summary>
    public IReadOnlyList<CardEvent> CardPayments { get; private set; } = [];

    /// <summary>Resource key of the last action's refusal, with the transfer it was about.</summary>
    public (long Id, string Key)? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMatchAsync(long id, string? orderCode, CancellationToken cancellationToken)
    {
        if (await WaitingAsync(id, cancellationToken) is not { } transfer)
        {
            return NotFound();
        }
        var code = (orderCode ?? string.Empty).Trim().ToUpperInvariant();
        var orderId = code.Length is > 0 and <= 20
            ? await db.Orders.AsNoTracking().Where(o => o.Code == code).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (orderId is not { } order)
        {
            return await RefusedAsync(id, "error.transfer.order_unknown", cancellationToken);
        }
        if (await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(order).MarkPaidAsync(transfer.Amount, transfer.Reference)) is { } refusal)
        {
            return await RefusedAsync(id, $"error.{refusal.Code}", cancellationToken);
        }
        transfer.Settle(TransferOutcome.MatchedByHand, order, $"{code} · {AccountClaims.AdminActorOf(User).Name}");
        await db.SaveChangesAsync(CancellationToken.None);
        return Redirect("/admin/transfers");
    }

    public async Task<IActionResult> OnPostRefundedAsync(long id, string? bankReference, CancellationToken cancellationToken)
    {
        if (await WaitingAsync(id, cancellationToken) is not { } transfer)
        {
            return NotFound();
        }
        var reference = (bankReference ?? string.Empty).Trim();
        if (reference.Length is 0 or > 100)
        {
            return await RefusedAsync(id, "error.transfer.bank_reference", cancellationToken);
        }
        transfer.Settle(TransferOutcome.Refunded, transfer.OrderId, $"{reference} · {AccountClaims.AdminActorOf(User).Name}");
        await db.SaveChangesAsync(CancellationToken.None);
        return Redirect("/admin/transfers");
    }

    private Task<BankTransfer?> WaitingAsync(long id, CancellationToken cancellationToken) =>
        db.BankTransfers.SingleOrDefaultAsync(t => t.Id == id && TransferOutcome.NeedReview.Contains(t.Outcome), cancellationToken);

    private async Task<IActionResult> RefusedAsync(long id, string key, CancellationToken cancellationToken)
    {
        Error = (id, key);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Waiting = await db.BankTransfers.AsNoTracking().Where(t => TransferOutcome.NeedReview.Contains(t.Outcome))
            .OrderByDescending(t => t.ReceivedAt).Take(Shown).ToListAsync(cancellationToken);
        Resolved = await db.BankTransfers.AsNoTracking()
            .Where(t => t.Outcome == TransferOutcome.MatchedByHand || t.Outcome == TransferOutcome.Refunded)
            .OrderByDescending(t => t.Id).Take(20).ToListAsync(cancellationToken);
        CardPayments = await db.CardEvents.AsNoTracking().Where(e => e.Outcome == CardEventOutcome.NeedsReview)
            .OrderByDescending(e => e.ReceivedAt).Take(Shown).ToListAsync(cancellationToken);
    }
}
