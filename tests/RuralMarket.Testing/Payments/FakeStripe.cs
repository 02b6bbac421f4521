using System.Text.Json;
using Stripe;

namespace RuralMarket.Testing.Payments;

/// <summary>
/// A fake of Stripe's API for Checkout Sessions (<c>POST /v1/checkout/sessions</c>, form-encoded as the SDK sends it),
/// and the webhook events Stripe would send, signed with the SDK's own helper.
/// </summary>
public sealed class FakeStripe : FakeHttpService
{
    public const string SecretKey = "sk_test_fake_ruralmarket";
    public const string WebhookSecret = "whsec_fake_ruralmarket";
    public const string SessionsPath = "/v1/checkout/sessions";
    public const string RefundsPath = "/v1/refunds";

    private int _events;

    public FakeStripe()
    {
        WillCreateSession("cs_test_a1");
        WillRefund("re_fake_1");
    }

    /// <summary>Configuration that switches cards on against this fake.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = SecretKey, ["Stripe:WebhookSecret"] = WebhookSecret, ["Stripe:ApiBase"] = BaseUrl.TrimEnd('/'),
    };

    public static string PayPageOf(string sessionId) => $"https://checkout.stripe.com/c/pay/{sessionId}";

    public void WillCreateSession(string sessionId) =>
        Answer(SessionsPath, 200, new { id = sessionId, @object = "checkout.session", url = PayPageOf(sessionId), status = "open", payment_status = "unpaid" });

    /// <summary>Stripe's refusal of a request (creating a session, or <paramref name="path"/>): HTTP 400 with its error object.</summary>
    public void WillRefuse(string message, string path = SessionsPath) =>
        Answer(path, 400, new { error = new { type = "invalid_request_error", message } });

    /// <summary>Refunds are taken (<c>POST /v1/refunds</c>), answered as Stripe does for a card refund it has accepted.</summary>
    public void WillRefund(string refundId, string status = "succeeded") =>
        Answer(RefundsPath, 200, new { id = refundId, @object = "refund", status, currency = "vnd", payment_intent = "pi_fake_1" });

    /// <summary>The charge of a payment intent as <c>charge.refunded</c> carries it (its refunds list left out, as Stripe's current API versions do).</summary>
    public static object RefundedCharge(long amount, long amountRefunded, string paymentIntent = "pi_fake_1") => new
    {
        id = "ch_fake_1", @object = "charge", amount, amount_refunded = amountRefunded, currency = "vnd", payment_intent = paymentIntent,
        refunded = amountRefunded == amount, status = "succeeded",
    };

    /// <summary>A Stripe event's body (at the SDK's API version) and its <c>Stripe-Signature</c> header, signed at <paramref name="signedAt"/>.</summary>
    public (string Body, string Signature) Event(string type, object dataObject, string? id = null, DateTimeOffset? signedAt = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            id = id ?? $"evt_fake_{Interlocked.Increment(ref _events)}_{Guid.NewGuid():N}",
            @object = "event",
            api_version = StripeConfiguration.ApiVersion,
            created = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            livemode = false,
            type,
            data = new { @object = dataObject },
        });
        return (body, EventUtility.GenerateSignatureHeader(body, WebhookSecret, (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
    }

    /// <summary>A completed Checkout Session for a checkout, as <c>checkout.session.completed</c> carries it.</summary>
    public static object CompletedSession(Guid checkoutId, long amountTotal, string sessionId = "cs_test_a1", string paymentStatus = "paid") => new
    {
        id = sessionId, @object = "checkout.session", client_reference_id = checkoutId.ToString(), amount_total = amountTotal, currency = "vnd",
        payment_status = paymentStatus, status = "complete", mode = "payment", payment_intent = "pi_fake_1",
    };
}
