namespace RuralMarket.Payments.VietQr;

/// <summary>
/// <c>Payments:VietQr</c>: the platform's collection account that buyers' transfers go to (the bank's NAPAS BIN, the
/// account number, the holder's name as the bank shows it, the bank's name). Off unless switched on; switched on
/// without a valid account, start-up stops.
/// </summary>
public sealed class VietQrOptions
{
    public const string Section = "Payments:VietQr";

    public bool Enabled { get; set; }

    public string Bin { get; set; } = string.Empty;

    public string AccountNumber { get; set; } = string.Empty;

    public string AccountHolder { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;
}
