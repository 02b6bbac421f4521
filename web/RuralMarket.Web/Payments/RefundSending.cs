using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains;
using RuralMarket.Grains.Orders;
using RuralMarket.Payments.Cards;

namespace RuralMarket.Web.Payments;

/// <summary>
/// Starts a refund through the order grain (which works out the amount and refuses what may not be refunded) and, for
/// a card, sends it to Stripe at once and records Stripe's refund. A transfer waits on <c>/admin/refunds</c> for
/// someone to pay the buyer's account by hand. When Stripe cannot be reached the refund stays requested, shown with
/// a button to send it again (the same idempotency key, so never twice).
/// </summary>
public sealed class RefundSending(RuralMarketDbContext db, IGrainFactory grains, CardRefunds cards, ILogger<RefundSending> log)
{
    /// <summary>False when the refund was recorded but Stripe has not taken it yet; a refusal of the refund itself is thrown.</summary>
    public async Task<bool> StartAsync(Guid orderId, RefundRequest request, Actor actor, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IOrderGrain>(orderId).RequestRefundAsync(request, actor);
        return await SendByCardAsync(orderId, request.RefundId, actor, cancellationToken);
    }

    /// <summary>Sends a card refund not yet sent to Stripe. False (logged) when Stripe could not be reached or refused; nothing to do for a transfer.</summary>
    public async Task<bool> SendByCardAsync(Guid orderId, Guid refundId, Actor actor, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, cancellationToken);
        var refund = order.Refunds.Single(r => r.RefundId == refundId);
        if (order.PaymentMethod != PaymentMethod.Card || refund.IsSent)
        {
            return true;
        }
        string reference;
        try
        {
            reference = await cards.RefundAsync(order.PaymentReference!, refund.Amount, orderId, refundId, cancellationToken);
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException or TaskCanceledException)
        {
            log.LogWarning(e, "Stripe did not take refund {Refund} of order {Order}", refundId, order.Code);
            return false;
        }
        await grains.GetGrain<IOrderGrain>(orderId).SendRefundAsync(refundId, reference, actor);
        return true;
    }
}
