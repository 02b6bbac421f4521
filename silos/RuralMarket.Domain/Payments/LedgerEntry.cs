using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

public enum LedgerSide
{
    Debit,
    Credit,
}

/// <summary>
/// One line of a ledger posting: an account and a whole-đồng amount on one side. Accounts are named by what they hold:
/// <c>bank</c> (the collection account), <c>cod:{carrier}</c> (cash a carrier collected and owes us),
/// <c>carrier-fees</c>, <c>platform-fees</c>, <c>cooperative:{id}</c>, <c>household:{id}</c>.
/// </summary>
public sealed record LedgerEntry(string Account, LedgerSide Side, Money Amount)
{
    public const string Bank = "bank";
    public const string CarrierFees = "carrier-fees";
    public const string PlatformFees = "platform-fees";

    public static string CashOnDelivery(string carrier) => $"cod:{carrier}";

    public static string Cooperative(Guid id) => $"cooperative:{id}";

    public static string Household(Guid id) => $"household:{id}";

    /// <summary>Debits count positive, credits negative: a balanced posting's entries add up to zero.</summary>
    public long Signed => Side == LedgerSide.Debit ? Amount.Dong : -Amount.Dong;

    public LedgerEntry Reversed() => this with { Side = Side == LedgerSide.Debit ? LedgerSide.Credit : LedgerSide.Debit };
}
