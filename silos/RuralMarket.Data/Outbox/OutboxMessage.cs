namespace RuralMarket.Data.Outbox;

/// <summary>
/// A domain event waiting to be handed to its handlers. Written in the same transaction as the aggregate change;
/// claimed by a relay with a lease (<see cref="LockedBy"/>, <see cref="LockedUntil"/>) so no two relays handle it at once.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = Payload = string.Empty;
    }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The event's type name, e.g. <c>ProductChanged</c>.</summary>
    public string Type { get; private set; }

    /// <summary>The event as JSON.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Set when the message failed too often and waits for a person; parked messages are not retried.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public string? LastError { get; private set; }
}
