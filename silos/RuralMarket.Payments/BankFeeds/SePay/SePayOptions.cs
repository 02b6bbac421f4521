namespace RuralMarket.Payments.BankFeeds.SePay;

/// <summary>
/// <c>Payments:SePay</c>, from configuration only: either the HMAC secret SePay signs each call with
/// (<c>HmacSecret</c>, recommended by SePay) or the API key it sends as <c>Authorization: Apikey …</c>.
/// With a secret set, only signed calls are accepted.
/// </summary>
public sealed class SePayOptions
{
    public const string Section = "Payments:SePay";

    public bool Enabled { get; set; }

    public string ApiKey { get; set; } = string.Empty;

    public string HmacSecret { get; set; } = string.Empty;

    /// <summary>How far a signed call's <c>X-SePay-Timestamp</c> may be from our clock (SePay asks for 5 minutes).</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsSigned => HmacSecret.Length > 0;
}
