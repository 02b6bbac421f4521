using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Payments;

/// <summary>
/// One entry of the ledger as stored: part of a posting (<c>sale/{order}</c>, …) whose entries balance. Written once
/// per posting by the ledger's outbox handler; never changed (a correction is another posting).
/// </summary>
public sealed class LedgerLine
{
    private LedgerLine()
    {
        Posting = Account = Side = string.Empty;
    }

    public LedgerLine(string posting, Guid? orderId, LedgerEntry entry, DateTimeOffset postedAt)
    {
        Posting = posting;
        OrderId = orderId;
        Account = entry.Account;
        Side = entry.Side == LedgerSide.Debit ? "debit" : "credit";
        Amount = entry.Amount;
        ProductId = entry.ProductId ?? Guid.Empty;
        PostedAt = postedAt;
    }

    public long Id { get; private set; }

    public string Posting { get; private set; }

    public Guid? OrderId { get; private set; }

    public string Account { get; private set; }

    /// <summary><c>debit</c> or <c>credit</c>.</summary>
    public string Side { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The product a sale's entry comes from; <see cref="Guid.Empty"/> for none (kept non-null so the unique index holds).</summary>
    public Guid ProductId { get; private set; }

    public Guid? Product => ProductId == Guid.Empty ? null : ProductId;

    public DateTimeOffset PostedAt { get; private set; }

    public LedgerEntry Entry => new(Account, Side == "debit" ? LedgerSide.Debit : LedgerSide.Credit, Amount, Product);

    /// <summary>Debits positive, credits negative: a posting's lines add up to zero.</summary>
    public long Signed => Side == "debit" ? Amount.Dong : -Amount.Dong;
}
