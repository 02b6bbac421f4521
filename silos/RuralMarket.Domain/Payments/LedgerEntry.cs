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
/// <c>carrier-fees</c>, <c>platform-fees</c>, <c>cooperative:{id}</c>, <c>household:{id}</c>. A sale's entries name the
/// product they come from, so a household's earnings can be told per product.
/// </summary>
public sealed record LedgerEntry(string Account, LedgerSide Side, Money Amount, Guid? ProductId = null)
{
    private const string HouseholdPrefix = "household:";

    public const string Bank = "bank";
    public const string CarrierFees = "carrier-fees";
    public const string PlatformFees = "platform-fees";

    public static string CashOnDelivery(string carrier) => $"cod:{carrier}";

    public static string Cooperative(Guid id) => $"cooperative:{id}";

    public static string Household(Guid id) => $"{HouseholdPrefix}{id}";

    /// <summary>The household an account belongs to, or null for any other account.</summary>
    public static Guid? HouseholdOf(string account) =>
        account.StartsWith(HouseholdPrefix, StringComparison.Ordinal) && Guid.TryParse(account.AsSpan(HouseholdPrefix.Length), out var id) ? id : null;

    /// <summary>What the platform owes a cooperative: its own part and its households' parts, paid out together.</summary>
    public static bool IsOwedTo(string account, Guid cooperativeId, IReadOnlySet<Guid> householdIds) =>
        account == Cooperative(cooperativeId) || (HouseholdOf(account) is { } household && householdIds.Contains(household));

    /// <summary>Debits count positive, credits negative: a balanced posting's entries add up to zero.</summary>
    public long Signed => Side == LedgerSide.Debit ? Amount.Dong : -Amount.Dong;

    public LedgerEntry Reversed() => this with { Side = Side == LedgerSide.Debit ? LedgerSide.Credit : LedgerSide.Debit };
}
