using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Payments;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// Giving a prepaid order's money back (managers only): everything for a cancelled or lost order, the chosen lines'
/// goods for one that came back. The amount is the order grain's, never the form's; a card is refunded through Stripe
/// at once, a transfer waits for the platform to pay the buyer's account by hand. The form carries its own refund id,
/// so sending it twice starts one refund.
/// </summary>
public sealed class RefundModel(RuralMarketDbContext db, RefundSending refunds) : PortalPageModel
{
    public const int MaxReasonLength = 300;

    public Order Order { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    [BindProperty]
    public RefundForm Form { get; set; } = new();

    /// <summary>
    /// A full refund rather than a choice of lines: for anything but a returned order or a lost one already partly refunded
    /// (an order still on its way asks for a full refund too, and the grain refuses it).
    /// </summary>
    public bool IsFull => Order.Status != OrderStatus.Returned && !(Order.Status == OrderStatus.Lost && Order.Refunds.Count > 0);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        Form = new RefundForm { RefundId = Guid.NewGuid(), HolderName = Order.Buyer.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        var reason = Form.Reason?.Trim().Normalize() ?? string.Empty;
        if (reason.Length is 0 or > MaxReasonLength)
        {
            Errors.Add(nameof(RefundForm.Reason), "portal.refund.reason_required");
        }
        var lines = IsFull ? [] : Form.ProductIds.Distinct().ToList();
        if (!IsFull && lines.Count == 0)
        {
            Errors.Add(nameof(RefundForm.ProductIds), "portal.refund.choose_lines");
        }
        var payee = Order.PaymentMethod == PaymentMethod.BankTransfer
            ? Errors.Capture(() => new PayoutAccount(Form.BankBin ?? string.Empty, Form.AccountNumber ?? string.Empty, Form.HolderName ?? string.Empty),
                BankAccountFields.FieldOfCode)
            : null;
        if (Form.RefundId == Guid.Empty)
        {
            Errors.Add(string.Empty, "portal.refund.reload");
        }
        var taken = false;
        if (Errors.IsEmpty && await Refusal.OfAsync(async () =>
                taken = await refunds.StartAsync(Order.Id, new RefundRequest(Form.RefundId, lines, payee, reason), Cooperative.Actor, cancellationToken)) is { } refusal)
        {
            Errors.Add(string.Empty, refusal);
        }
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}/refund?done={(taken ? "started" : "not_taken")}");
    }

    /// <summary>A card refund Stripe did not take the first time, sent again under the same idempotency key.</summary>
    public async Task<IActionResult> OnPostResendAsync(string code, Guid refundId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code) || Order.Refunds.All(r => r.RefundId != refundId))
        {
            return NotFound();
        }
        var taken = await refunds.SendByCardAsync(Order.Id, refundId, Cooperative.Actor, cancellationToken);
        return Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}/refund?done={(taken ? "sent" : "not_taken")}");
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
        return true;
    }
}

/// <summary>What the refund form posts: its refund id, the reason, the lines (when not everything), and the buyer's account for a transfer.</summary>
public sealed class RefundForm
{
    public Guid RefundId { get; set; }

    public string? Reason { get; set; }

    public List<Guid> ProductIds { get; set; } = [];

    public string? BankBin { get; set; }

    public string? AccountNumber { get; set; }

    public string? HolderName { get; set; }
}
