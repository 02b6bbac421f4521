using RuralMarket.Data.Outbox;

namespace RuralMarket.Silo.Outbox;

/// <summary>
/// Reacts to one kind of outbox message (updating the search index, notifying people, booking a carrier).
/// A message may arrive more than once (after a crash or a retry), so handling must be idempotent.
/// </summary>
public interface IOutboxHandler
{
    bool Handles(string messageType);

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
