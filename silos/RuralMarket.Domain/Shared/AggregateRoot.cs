namespace RuralMarket.Domain.Shared;

/// <summary>
/// One identity, private state changed only through its methods, persisted with a version:
/// the part the design card's grains play. A save with a stale <see cref="Version"/> is refused.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    public Guid Id { get; protected init; }

    public long Version { get; private set; }

    public IReadOnlyList<IDomainEvent> PendingEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    /// <summary>Called by persistence once the events are in the outbox, in the same transaction as the new state.</summary>
    public void ClearPendingEvents() => _events.Clear();
}
