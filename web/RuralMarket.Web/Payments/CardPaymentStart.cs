using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.Cards;

namespace RuralMarket.Web.Payments;

/// <summary>
/// Sends a buyer to Stripe to pay a checkout's card orders still waiting for their money: from the checkout itself,
/// and again from the tracking page when the first attempt could not reach Stripe or the buyer came back without paying.
/// </summary>
public sealed class CardPaymentStart(RuralMarketDbContext db, CardCheckouts cards, TimeProvider clock, ILogger<CardPaymentStart> log)
{
    public bool IsOn => cards.IsOn;

    /// <summary>Stripe's page for paying the checkout, or null (logged) when Stripe could not be reached or refused: the orders stay held.</summary>
    public async Task<string?> UrlAsync(Guid checkoutId, HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var orders = (await db.Orders.AsNoTracking()
            .Where(o => o.CheckoutId == checkoutId && o.PaymentMethod == PaymentMethod.Card && o.Status == OrderStatus.Placed && o.PaidAt == null)
            .OrderBy(o => o.Code).ToListAsync(cancellationToken)).Where(o => o.AwaitsPayment(now)).ToList();
        if (orders.Count == 0)
        {
            throw new DomainException("card.nothing_to_pay", $"Checkout {checkoutId} has no card order waiting for payment.");
        }
        var cooperativeIds = orders.Select(o => o.CooperativeId).Distinct().ToList();
        var names = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var back = $"{request.Scheme}://{request.Host}/orders/{orders[0].TrackingToken}";
        var payBy = orders.Min(o => o.ReservationExpiresAt) ?? DateTimeOffset.MaxValue;
        try
        {
            return await cards.StartAsync(new CardPayment(checkoutId, [.. orders.Select(o => new CardOrder(o.Code, names[o.CooperativeId], o.Total))],
                back + "?card=paid", back + "?card=cancelled", payBy), attempt: 1, cancellationToken);
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException or TaskCanceledException)
        {
            log.LogWarning(e, "Stripe could not start the card payment of checkout {Checkout}", checkoutId);
            return null;
        }
    }
}
