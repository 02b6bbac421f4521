using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>
/// Money given back to the buyer of a prepaid order: everything they paid (a cancelled or lost order), or the goods'
/// price of some lines (a returned one; the carriage was spent). Requested first; sent once the card provider has taken
/// it, or once someone has transferred it by hand to the buyer's account and recorded the bank's reference.
/// </summary>
public sealed class OrderRefund
{
    private OrderRefund()
    {
        Reason = Reference = string.Empty;
        ProductIds = [];
    }

    internal OrderRefund(Guid refundId, Money amount, IReadOnlyList<Guid> productIds, PayoutAccount? payee, string reason, DateTimeOffset now)
    {
        RefundId = refundId;
        Amount = amount;
        ProductIds = productIds;
        Payee = payee;
        Reason = reason;
        Reference = string.Empty;
        RequestedAt = now;
    }

    public Guid RefundId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The lines whose goods are refunded; empty for a refund of everything the buyer paid.</summary>
    public IReadOnlyList<Guid> ProductIds { get; private set; }

    /// <summary>The buyer's bank account, for a transfer paid back by hand; null for a card (refunded to the card).</summary>
    public PayoutAccount? Payee { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>Who carried the money back (the card provider's refund id, or the bank transfer's reference); empty until sent.</summary>
    public string Reference { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public bool IsFull => ProductIds.Count == 0;

    /// <summary>The plain memo of a transfer paying a refund back, so the buyer's bank statement says what it is.</summary>
    public static string TransferMemo(string orderCode) => $"RuralMarket hoan tien {orderCode}";

    public bool IsSent => SentAt is not null;

    internal void Send(string reference, DateTimeOffset now)
    {
        Reference = reference;
        SentAt = now;
    }
}
