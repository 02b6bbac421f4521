namespace RuralMarket.Web.Portal;

/// <summary>
/// A Vietnamese bank account as a form asks for it (bank from the NAPAS list, number, holder): the cooperative's payout
/// account on its profile, a buyer's account for a refund. <see cref="Prefix"/> is the bound property's name.
/// </summary>
public sealed record BankAccountFields(string Prefix, string? BankBin, string? AccountNumber, string? HolderName, FormErrors Errors)
{
    /// <summary>Which field each rule of <see cref="Domain.Cooperatives.PayoutAccount"/> is about.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["payout.bank"] = nameof(BankBin), ["payout.account_number"] = nameof(AccountNumber), ["payout.holder_name"] = nameof(HolderName),
    };
}
