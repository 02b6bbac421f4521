using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

/// <summary>
/// A carrier handing over the cash it collected for one parcel: what it owed us (<c>cod:{carrier}</c>) is cleared by the
/// amount remitted; the fee it kept back pays what we owed it for carriage (<c>carrier-fees</c>); the rest reaches the
/// bank. When the fee kept is more than the cash (a parcel with little to collect), the difference leaves the bank.
/// </summary>
public static class RemittancePosting
{
    public static IReadOnlyList<LedgerEntry> For(string carrier, Money remitted, Money feeKept)
    {
        var entries = new List<LedgerEntry>
        {
            new(LedgerEntry.CashOnDelivery(carrier), LedgerSide.Credit, remitted),
            new(LedgerEntry.CarrierFees, LedgerSide.Debit, feeKept),
            remitted >= feeKept
                ? new(LedgerEntry.Bank, LedgerSide.Debit, remitted - feeKept)
                : new(LedgerEntry.Bank, LedgerSide.Credit, feeKept - remitted),
        };
        return Posting.Balanced(entries);
    }
}
