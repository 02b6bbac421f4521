using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Notices;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains;
using RuralMarket.Grains.Orders;
using RuralMarket.Payments.VietQr;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Payments;

namespace RuralMarket.Web.Pages.Orders;

/// <summary>
/// An order followed through its secret link: whoever has the link (the buyer, from the confirmation page) sees the
/// timeline and the parcel's, and may cancel until the cooperative has packed it. No account needed.
/// </summary>
public sealed class TrackModel(
    RuralMarketDbContext db, IGrainFactory grains, VietQrRequests vietQr, CardPaymentStart cards, TimeProvider clock) : PageModel
{
    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public string CooperativeName { get; private set; } = string.Empty;

    public ShipmentView? Shipment { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool CanCancel => Order.CanMoveTo(OrderStatus.Cancelled);

    /// <summary>The transfer still to make, while a VietQR order is unpaid and its stock held; null otherwise.</summary>
    public TransferView? Transfer { get; private set; }

    /// <summary>Whether the order waits for a card payment the buyer can (re)start here.</summary>
    public bool AwaitsCard { get; private set; }

    /// <summary>Where Stripe sent the buyer back from: <c>paid</c> or <c>cancelled</c>.</summary>
    [FromQuery(Name = "card")]
    public string? CardReturn { get; set; }

    /// <summary>Cancelling takes a second step: the cancel link opens this question, whose form does it (no JavaScript needed).</summary>
    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    public bool AsksToCancel => CanCancel && Confirm == "cancel";

    /// <summary>A review the grain refused, with what the buyer typed, so the form shows it again beside the reason.</summary>
    public (Guid ProductId, string ErrorKey, string? Rating, string? Text)? ReviewRefused { get; private set; }

    /// <summary>Whether the buyer asked for no more messages (SMS, Zalo, e-mail) at this order's phone or e-mail.</summary>
    public bool MessagesStopped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFound();

    /// <summary>The order's VietQR as SVG, only while it waits for the transfer.</summary>
    public async Task<IActionResult> OnGetVietQrAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken) || Transfer is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, max-age=300";
        return Content(VietQrRequests.Svg(Transfer.Request.Payload), "image/svg+xml");
    }

    public async Task<IActionResult> OnPostPayByCardAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken) || !AwaitsCard)
        {
            return NotFound();
        }
        if (await cards.UrlAsync(Order.CheckoutId, Request, cancellationToken) is { } stripePage)
        {
            return Redirect(stripePage);
        }
        Notice = "card.unreachable";
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            await grains.GetGrain<IOrderGrain>(Order.Id).CancelAsync(CancellationReason.ByBuyer, string.Empty, Actor.Buyer);
            Notice = "tracking.notice.cancelled";
        }
        catch (IllegalOrderTransitionException)
        {
            Notice = "tracking.notice.cannot_cancel";
        }
        return RedirectToPage(new { token });
    }

    /// <summary>The buyer rates one line of a delivered order; the order grain decides whether it may be reviewed.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string token, Guid productId, string? rating, string? text, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken) || Order.Lines.All(l => l.ProductId != productId))
        {
            return NotFound();
        }
        var stars = int.TryParse(rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(Order.Id).ReviewAsync(productId, stars, text)) is { } refusal)
        {
            ReviewRefused = (productId, RuralMarket.Web.Portal.FormErrors.KeyOf(refusal.Code), rating, text);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Notice = "tracking.notice.reviewed";
        return RedirectToPage(new { token });
    }

    /// <summary>No more messages to the order's phone and e-mail, about this order or any other (Decree 91/2020 opt-out).</summary>
    public async Task<IActionResult> OnPostStopMessagesAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        await NoticeOptOuts.StopAsync(db, BuyerAddresses(), clock.GetUtcNow(), cancellationToken);
        Notice = "tracking.notice.messages_stopped";
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostResumeMessagesAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        await NoticeOptOuts.ResumeAsync(db, BuyerAddresses(), cancellationToken);
        Notice = "tracking.notice.messages_resumed";
        return RedirectToPage(new { token });
    }

    private string[] BuyerAddresses() =>
        Order.Buyer.Email.Length > 0 ? [Order.Buyer.Phone, Order.Buyer.Email.ToLowerInvariant()] : [Order.Buyer.Phone];

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 20 or > 64)
        {
            return false;
        }
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.TrackingToken == token, cancellationToken);
        if (order is null)
        {
            return false;
        }
        Order = order;
        ProvinceName = await db.Provinces.NameOfAsync(order.DeliveryAddress.ProvinceCode, cancellationToken);
        CooperativeName = await db.Cooperatives.Where(c => c.Id == order.CooperativeId).Select(c => c.Name).SingleAsync(cancellationToken);
        Shipment = await ShipmentView.OfOrderAsync(db, order.ShipmentId, cancellationToken);
        var awaitsPayment = order.AwaitsPayment(clock.GetUtcNow());
        if (awaitsPayment && order.PaymentMethod == PaymentMethod.BankTransfer && vietQr.IsOn)
        {
            Transfer = new TransferView(order.TrackingToken, vietQr.For(order.Code, order.Total), order.ReservationExpiresAt);
        }
        AwaitsCard = awaitsPayment && order.PaymentMethod == PaymentMethod.Card && cards.IsOn;
        MessagesStopped = await NoticeOptOuts.AnyAsync(db, BuyerAddresses(), cancellationToken);
        return true;
    }
}
