namespace RuralMarket.Data.Payments;

/// <summary>
/// One Stripe event, kept by its id when it first arrives (so a resent event is applied once), with what it did.
/// </summary>
public sealed class CardEvent
{
    private CardEvent()
    {
        Id = Type = Outcome = Detail = string.Empty;
    }

    public CardEvent(string id, string type, DateTimeOffset receivedAt)
    {
        Id = id;
        Type = type.Length > 100 ? type[..100] : type;
        ReceivedAt = receivedAt;
        Outcome = CardEventOutcome.Received;
        Detail = string.Empty;
    }

    public string Id { get; private set; }

    public string Type { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>One of <see cref="CardEventOutcome"/>'s values.</summary>
    public string Outcome { get; private set; }

    public string Detail { get; private set; }

    public void Settle(string outcome, string detail) => (Outcome, Detail) = (outcome, detail.Length > 300 ? detail[..300] : detail);
}

public static class CardEventOutcome
{
    public const string Received = "received";
    public const string Paid = "paid";

    /// <summary>Stripe gave money back that RuralMarket's refunds account for.</summary>
    public const string Refunded = "refunded";

    /// <summary>Kept for the record; nothing changes (a failed attempt: the order keeps waiting until its window ends).</summary>
    public const string Noted = "noted";

    /// <summary>Money that paid nothing (an order cancelled or past its window, a total that differs): for the admin to refund.</summary>
    public const string NeedsReview = "needs_review";
}
