using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using Stripe;
using Stripe.Checkout;

namespace RuralMarket.Payments.Cards;

/// <summary>One order of a checkout as the card payment page lists it.</summary>
public sealed record CardOrder(string Code, string CooperativeName, Money Total);

/// <summary>What a card payment is for: the buyer's checkout (its orders, one line each) and where Stripe sends the buyer back.</summary>
public sealed record CardPayment(Guid CheckoutId, IReadOnlyList<CardOrder> Orders, string SuccessUrl, string CancelUrl, DateTimeOffset PayBy);

/// <summary>
/// Card payments through Stripe Checkout, in VND (a zero-decimal currency for Stripe: the amount is whole đồng). The
/// session carries the checkout id as <c>client_reference_id</c>, so the webhook finds the orders it pays, and is
/// created with an idempotency key stable per checkout and attempt, so a retried request never makes a second one.
/// </summary>
public sealed class CardCheckouts(IOptions<StripeOptions> options, TimeProvider clock)
{
    /// <summary>The most Stripe charges in VND at once.</summary>
    public static readonly Money MaxCharge = Money.FromDong(99_999_999);

    public bool IsOn => options.Value.IsOn;

    /// <summary>Stripe's page for paying, to send the buyer to.</summary>
    public async Task<string> StartAsync(CardPayment payment, int attempt, CancellationToken cancellationToken)
    {
        var total = Money.Sum(payment.Orders.Select(o => o.Total));
        if (total > MaxCharge)
        {
            throw new DomainException("card.amount_too_large", $"A card payment is at most {MaxCharge}; this one is {total}.");
        }
        var session = await new SessionService(options.Value.Client()).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Currency = "vnd",
            ClientReferenceId = payment.CheckoutId.ToString(),
            SuccessUrl = payment.SuccessUrl,
            CancelUrl = payment.CancelUrl,
            Locale = "vi",
            // Stripe keeps a session open at least 30 minutes; the order's payment window ends it otherwise.
            ExpiresAt = Later(payment.PayBy, TimeSpan.FromMinutes(31)),
            LineItems = [.. payment.Orders.Select(o => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = "vnd",
                    UnitAmount = o.Total.Dong,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{o.Code} · {o.CooperativeName}" },
                },
            })],
            Metadata = new Dictionary<string, string> { ["checkout_id"] = payment.CheckoutId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"checkout-{payment.CheckoutId:N}-attempt-{attempt}" }, cancellationToken);
        return session.Url;
    }

    private DateTime Later(DateTimeOffset payBy, TimeSpan atLeast)
    {
        var earliest = clock.GetUtcNow() + atLeast;
        return (payBy > earliest ? payBy : earliest).UtcDateTime;
    }
}
