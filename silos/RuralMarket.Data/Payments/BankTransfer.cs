using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Payments;

/// <summary>
/// One incoming transfer a bank feed (SePay, Casso, payOS) reported, kept once per provider and transaction id before
/// it is applied, with what became of it: matched to an order and paid, or waiting in the admin's review queue.
/// Money that arrives is never dropped: a transfer we cannot match stays here.
/// </summary>
public sealed class BankTransfer
{
    private BankTransfer()
    {
        Provider = TransactionId = Memo = AccountNumber = Outcome = Detail = string.Empty;
    }

    public BankTransfer(string provider, string transactionId, Money amount, string memo, string accountNumber, DateTimeOffset occurredAt,
        DateTimeOffset receivedAt)
    {
        Provider = provider;
        TransactionId = transactionId;
        Amount = amount;
        Memo = memo.Length > 500 ? memo[..500] : memo;
        AccountNumber = accountNumber.Length > 30 ? accountNumber[..30] : accountNumber;
        OccurredAt = occurredAt;
        ReceivedAt = receivedAt;
        Outcome = TransferOutcome.Received;
        Detail = string.Empty;
    }

    public long Id { get; private set; }

    public string Provider { get; private set; }

    /// <summary>The provider's own id for the transaction: the same transfer reported again is the same row.</summary>
    public string TransactionId { get; private set; }

    public Money Amount { get; private set; }

    public string Memo { get; private set; }

    public string AccountNumber { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>One of <see cref="TransferOutcome"/>'s values.</summary>
    public string Outcome { get; private set; }

    /// <summary>The order the memo named, when it named one we have.</summary>
    public Guid? OrderId { get; private set; }

    public string Detail { get; private set; }

    /// <summary>The payment reference an order keeps for this transfer.</summary>
    public string Reference => $"{Provider}/{TransactionId}";

    public void Settle(string outcome, Guid? orderId, string detail) =>
        (Outcome, OrderId, Detail) = (outcome, orderId, detail.Length > 300 ? detail[..300] : detail);
}

/// <summary>What became of a transfer, as <c>bank_transfers.outcome</c> keeps it.</summary>
public static class TransferOutcome
{
    public const string Received = "received";
    public const string Matched = "matched";

    /// <summary>No order code we know in the memo.</summary>
    public const string Unmatched = "unmatched";

    /// <summary>The memo named an order, but the amount is not its total (short or over-paid).</summary>
    public const string WrongAmount = "wrong_amount";

    /// <summary>The order was cancelled, expired or past its window: the money does not revive it.</summary>
    public const string Late = "late";

    /// <summary>The order was already paid by another transfer.</summary>
    public const string PaidTwice = "paid_twice";

    /// <summary>An admin matched it to an order by hand, which the order grain accepted.</summary>
    public const string MatchedByHand = "matched_by_hand";

    /// <summary>An admin sent the money back by hand and recorded the bank's reference.</summary>
    public const string Refunded = "refunded";

    /// <summary>The admin's review queue: money that arrived and paid nothing.</summary>
    public static readonly string[] NeedReview = [Unmatched, WrongAmount, Late, PaidTwice];
}
