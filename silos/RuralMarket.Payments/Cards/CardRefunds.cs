using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using Stripe;

namespace RuralMarket.Payments.Cards;

/// <summary>
/// Gives a card payment back through Stripe: a refund of the payment intent for the amount the order grain worked out,
/// tagged with the order and our refund id (so <c>charge.refunded</c> finds them) and sent with the idempotency key
/// <c>refund-{refund id}</c>, so sending it again, after a timeout or a second press, never refunds twice.
/// </summary>
public sealed class CardRefunds(IOptions<StripeOptions> options)
{
    /// <summary>Stripe's refund, as the order records it (<c>stripe/re_…</c>); a refusal is a <see cref="StripeException"/>.</summary>
    public async Task<string> RefundAsync(string paymentReference, Money amount, Guid orderId, Guid refundId, CancellationToken cancellationToken)
    {
        var refund = await new RefundService(options.Value.Client()).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = PaymentIntentOf(paymentReference) ?? throw new ArgumentException($"{paymentReference} is not a card payment.", nameof(paymentReference)),
            Amount = amount.Dong,
            Reason = RefundReasons.RequestedByCustomer,
            Metadata = new Dictionary<string, string> { [OrderKey] = orderId.ToString(), [RefundKey] = refundId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"refund-{refundId:N}" }, cancellationToken);
        return refund.Status is "failed" or "canceled"
            ? throw new StripeException($"Stripe did not refund: {refund.Status} ({refund.FailureReason}).")
            : ReferenceOf(refund.Id);
    }

    public const string OrderKey = "order_id";
    public const string RefundKey = "refund_id";

    public static string ReferenceOf(string stripeRefundId) => $"{Prefix}{stripeRefundId}";

    /// <summary>How an order paid by card records its payment: the payment intent a refund is made against.</summary>
    public static string PaymentReferenceOf(string paymentIntentId) => $"{Prefix}{paymentIntentId}";

    public static string? PaymentIntentOf(string? paymentReference) =>
        paymentReference?.StartsWith(Prefix, StringComparison.Ordinal) == true ? paymentReference[Prefix.Length..] : null;

    private const string Prefix = "stripe/";
}
