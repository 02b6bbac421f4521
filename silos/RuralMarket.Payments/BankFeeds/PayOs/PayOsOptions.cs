namespace RuralMarket.Payments.BankFeeds.PayOs;

/// <summary><c>Payments:PayOs</c>: the checksum key of the payOS payment channel (from configuration only).</summary>
public sealed class PayOsOptions
{
    public const string Section = "Payments:PayOs";

    public bool Enabled { get; set; }

    public string ChecksumKey { get; set; } = string.Empty;
}
