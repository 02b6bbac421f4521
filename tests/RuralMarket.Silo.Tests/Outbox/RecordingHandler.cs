using System.Collections.Concurrent;
using RuralMarket.Data.Outbox;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Tests.Outbox;

/// <summary>Counts every delivery per message and relay, and fails the first <see cref="FailuresPerMessage"/> deliveries of each.</summary>
internal sealed class RecordingHandler : IOutboxHandler
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<Guid, int> InFlight { get; } = new();

    public int FailuresPerMessage { get; set; }

    public int MaxConcurrentPerMessage { get; private set; }

    public bool Handles(string messageType) => messageType == "TestEvent";

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var inFlight = InFlight.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        MaxConcurrentPerMessage = Math.Max(MaxConcurrentPerMessage, inFlight);
        try
        {
            await Task.Yield();
            var delivery = Deliveries.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            if (delivery <= FailuresPerMessage)
            {
                throw new InvalidOperationException($"Search index unavailable (delivery {delivery})");
            }
        }
        finally
        {
            InFlight.AddOrUpdate(message.Id, 0, (_, n) => n - 1);
        }
    }
}
