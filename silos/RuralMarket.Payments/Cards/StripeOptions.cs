namespace RuralMarket.Payments.Cards;

/// <summary>
/// <c>Stripe</c>: the secret API key and the webhook endpoint's signing secret (both only from configuration), and,
/// for tests only, another API base. Cards are offered when both secrets are set.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string SecretKey { get; set; } = string.Empty;

    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Unset in production (Stripe's own); tests point it at a loopback fake.</summary>
    public string? ApiBase { get; set; }

    public bool IsOn => SecretKey.Length > 0 && WebhookSecret.Length > 0;

    public Stripe.StripeClient Client() => new(new Stripe.StripeClientOptions { ApiKey = SecretKey, ApiBase = ApiBase ?? Stripe.StripeClient.DefaultApiBase });
}
