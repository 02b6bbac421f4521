namespace RuralMarket.Payments.BankFeeds.SePay;

/// <summary><c>Payments:SePay</c>: the API key set in SePay's webhook settings (sent as <c>Authorization: Apikey …</c>; from configuration only).</summary>
public sealed class SePayOptions
{
    public const string Section = "Payments:SePay";

    public bool Enabled { get; set; }

    public string ApiKey { get; set; } = string.Empty;
}
