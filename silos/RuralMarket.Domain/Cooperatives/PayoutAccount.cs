using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Cooperatives;

/// <summary>
/// Where a cooperative's takings are paid: a bank from <see cref="VietnameseBanks"/>, an account number of 6–19 digits
/// (the NAPAS range; spaces and dots as people write them are dropped) and the holder's name as the bank prints it.
/// </summary>
public sealed class PayoutAccount
{
    private PayoutAccount()
    {
        BankBin = AccountNumber = HolderName = string.Empty;
    }

    public PayoutAccount(string bankBin, string accountNumber, string holderName)
    {
        BankBin = VietnameseBanks.Find(bankBin)?.Bin
            ?? throw new DomainException("payout.bank.unknown", $"{bankBin} is not a known Vietnamese bank BIN.");
        var digits = DomainText.Require(accountNumber, "payout.account_number", 40).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length is < 6 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException("payout.account_number.invalid", "A bank account number is 6 to 19 digits.");
        }
        AccountNumber = digits;
        HolderName = DomainText.Require(holderName, "payout.holder_name", 100).ToUpperInvariant();
    }

    public string BankBin { get; private set; }

    public string AccountNumber { get; private set; }

    public string HolderName { get; private set; }

    /// <summary>Null once the bank has left the list (merged or renamed): the cooperative must choose again.</summary>
    public VietnameseBank? Bank => VietnameseBanks.Find(BankBin);
}
