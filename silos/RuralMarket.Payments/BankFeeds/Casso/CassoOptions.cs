namespace RuralMarket.Payments.BankFeeds.Casso;

/// <summary><c>Payments:Casso</c>: the checksum key Casso's webhook v2 settings show (from configuration only).</summary>
public sealed class CassoOptions
{
    public const string Section = "Payments:Casso";

    public bool Enabled { get; set; }

    public string ChecksumKey { get; set; } = string.Empty;
}
