using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.VietQr;

/// <summary>
/// The account a VietQR pays into: the bank's six-digit NAPAS BIN (970415 is VietinBank, 970436 Vietcombank…), the
/// account number, and the holder's name and bank as the buyer sees them beside the code.
/// </summary>
public sealed record VietQrAccount
{
    public VietQrAccount(string bin, string number, string holder, string bankName)
    {
        Bin = bin.Length == 6 && bin.All(char.IsAsciiDigit)
            ? bin
            : throw new DomainException("vietqr.bin", "A bank BIN is six digits.");
        Number = number.Length is >= 4 and <= 19 && number.All(char.IsAsciiLetterOrDigit)
            ? number
            : throw new DomainException("vietqr.account", "An account number is 4 to 19 letters and digits.");
        Holder = DomainText.Require(holder, "vietqr.holder", 100);
        BankName = DomainText.Require(bankName, "vietqr.bank_name", 100);
    }

    public string Bin { get; }

    public string Number { get; }

    public string Holder { get; }

    public string BankName { get; }
}
