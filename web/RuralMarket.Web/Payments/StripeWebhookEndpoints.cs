using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains;
using RuralMarket.Grains.Orders;
using RuralMarket.Payments.Cards;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Hosting;
using Stripe;
using Stripe.Checkout;
using PaymentMethod = RuralMarket.Domain.Orders.PaymentMethod;

namespace RuralMarket.Web.Payments;

/// <summary>
/// Stripe's webhook at <c>/webhooks/stripe</c>: the raw body verified with <see cref="EventUtility.ConstructEvent(string, string, string, long, bool)"/>
/// (300 s tolerance, and the event's API version must be the SDK's), each event applied once by its id.
/// <c>checkout.session.completed</c> pays the checkout's card orders through the order grain; a failed payment is
/// noted and changes nothing (the orders wait until their window ends), so a late <c>completed</c> still pays; money
/// that can pay nothing is kept for review. <c>charge.refunded</c> records our refunds Stripe lists as sent.
/// </summary>
public static class StripeWebhookEndpoints
{
    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/stripe", ReceiveAsync).WithTags("Webhooks").WithName("StripeWebhook").AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<StripeOptions> options, RuralMarketDbContext db, IGrainFactory grains,
        TimeProvider clock, IStringLocalizer<SharedResource> text, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(StripeWebhookEndpoints));
        if (!options.Value.IsOn)
        {
            return Problem(text, StatusCodes.Status404NotFound, "webhook.unknown_provider");
        }
        if (await WebhookBody.ReadAsync(request, WebhookBody.MaxLength, cancellationToken) is not { } body)
        {
            return Problem(text, StatusCodes.Status413PayloadTooLarge, "webhook.too_large");
        }
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, request.Headers["Stripe-Signature"].FirstOrDefault() ?? string.Empty,
                options.Value.WebhookSecret, tolerance: 300);
        }
        catch (StripeException e)
        {
            log.LogWarning("A Stripe webhook call was refused: {Problem}", e.Message);
            return Problem(text, StatusCodes.Status400BadRequest, "webhook.secret");
        }

        var kept = await db.CardEvents.SingleOrDefaultAsync(e => e.Id == stripeEvent.Id, cancellationToken);
        if (kept is { Outcome: not CardEventOutcome.Received })
        {
            return TypedResults.Ok(new { received = true, duplicate = true });
        }
        if (kept is null)
        {
            kept = new CardEvent(stripeEvent.Id, stripeEvent.Type, clock.GetUtcNow());
            db.CardEvents.Add(kept);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return TypedResults.Ok(new { received = true, duplicate = true }); // the same event, arriving at the same moment
            }
        }
        var (outcome, detail) = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted when stripeEvent.Data.Object is Session session => await PayAsync(session, db, grains, cancellationToken),
            EventTypes.ChargeRefunded when stripeEvent.Data.Object is Charge charge => await RefundedAsync(charge, db, grains, cancellationToken),
            _ => (CardEventOutcome.Noted, stripeEvent.Type),
        };
        kept.Settle(outcome, detail);
        await db.SaveChangesAsync(CancellationToken.None);
        if (outcome == CardEventOutcome.NeedsReview)
        {
            log.LogWarning("Stripe event {Event} paid nothing and needs a look: {Detail}", stripeEvent.Id, detail);
        }
        return TypedResults.Ok(new { received = true, duplicate = false });
    }

    private static async Task<(string Outcome, string Detail)> PayAsync(Session session, RuralMarketDbContext db, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (session.PaymentStatus != "paid")
        {
            return (CardEventOutcome.Noted, $"{session.Id}: {session.PaymentStatus}");
        }
        if (!Guid.TryParse(session.ClientReferenceId, out var checkoutId))
        {
            return (CardEventOutcome.NeedsReview, $"{session.Id}: no checkout");
        }
        var orders = await db.Orders.AsNoTracking().Where(o => o.CheckoutId == checkoutId && o.PaymentMethod == PaymentMethod.Card)
            .ToListAsync(cancellationToken);
        var total = Money.Sum(orders.Select(o => o.Total));
        if (orders.Count == 0 || session.AmountTotal != total.Dong)
        {
            return (CardEventOutcome.NeedsReview, $"{session.Id}: paid {session.AmountTotal} for orders totalling {total.Dong}");
        }
        if (session.PaymentIntentId is not { Length: > 0 } paymentIntent)
        {
            return (CardEventOutcome.NeedsReview, $"{session.Id}: no payment intent");
        }
        var reference = CardRefunds.PaymentReferenceOf(paymentIntent); // what a refund is later made against
        var refused = new List<string>();
        foreach (var order in orders)
        {
            if (await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(order.Id).MarkPaidAsync(order.Total, reference)) is { } refusal)
            {
                refused.Add($"{order.Code}: {refusal.Code}");
            }
        }
        return refused.Count == 0
            ? (CardEventOutcome.Paid, string.Join(", ", orders.Select(o => o.Code)))
            : (CardEventOutcome.NeedsReview, $"{session.Id}: {string.Join("; ", refused)}");
    }

    /// <summary>
    /// Stripe says money went back. Each refund it lists that we started (tagged with our ids) is recorded as sent, in
    /// case its answer never reached us; if Stripe refunded more than our refunds account for (a refund made in
    /// Stripe's dashboard), the event waits for review, since the ledger does not know where that money went.
    /// </summary>
    private static async Task<(string Outcome, string Detail)> RefundedAsync(Charge charge, RuralMarketDbContext db, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var reference = CardRefunds.PaymentReferenceOf(charge.PaymentIntentId ?? string.Empty);
        var orderIds = await db.Orders.AsNoTracking().Where(o => o.PaymentReference == reference).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var refund in charge.Refunds?.Data ?? [])
        {
            if (refund.Status is "succeeded" or "pending"
                && Guid.TryParse(refund.Metadata?.GetValueOrDefault(CardRefunds.OrderKey), out var orderId) && orderIds.Contains(orderId)
                && Guid.TryParse(refund.Metadata?.GetValueOrDefault(CardRefunds.RefundKey), out var refundId))
            {
                await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(orderId).SendRefundAsync(refundId, CardRefunds.ReferenceOf(refund.Id), Actor.Platform));
            }
        }
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var known = Money.Sum(orders.SelectMany(o => o.Refunds).Where(r => r.IsSent).Select(r => r.Amount)); // a card order's refunds all go through Stripe
        return charge.AmountRefunded <= known.Dong
            ? (CardEventOutcome.Refunded, $"{charge.Id}: {string.Join(", ", orders.Select(o => o.Code))}")
            : (CardEventOutcome.NeedsReview, $"{charge.Id}: Stripe refunded {charge.AmountRefunded}, RuralMarket's refunds account for {known.Dong}");
    }

    private static IResult Problem(IStringLocalizer text, int status, string code) => TypedResults.Problem(ApiProblems.Create(text, status, code));
}
