using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Outbox;

namespace RuralMarket.Silo.Outbox;

/// <summary>
/// Hands claimed outbox messages to their handlers. Success marks a message processed; a failure schedules a
/// retry with back-off, and after <see cref="RelayOptions.MaxAttempts"/> parks it where a person can see it.
/// </summary>
public sealed partial class OutboxRelay(
    OutboxStore store,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<RelayOptions> options,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    private readonly IOutboxHandler[] _handlers = handlers.ToArray();

    /// <summary>This relay's name in the lease column; unique per instance, so two relays never finish each other's claims.</summary>
    public string Name { get; } = NewName();

    /// <summary>Claims one batch and handles it; returns how many messages were claimed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = await store.ClaimAsync(Name, settings.BatchSize, settings.Lease, cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(settings.Lease / 2); // finish well inside the lease, or another relay could take it
                foreach (var handler in _handlers.Where(h => h.Handles(message.Type)))
                {
                    await handler.HandleAsync(message, deadline.Token);
                }
                await store.CompleteAsync(message.Id, Name, cancellationToken);
                metrics.Handled(message, clock.GetUtcNow());
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var park = attempts >= settings.MaxAttempts;
                DateTimeOffset? retryAt = park ? null : clock.GetUtcNow() + settings.RetryDelay(attempts);
                await store.FailAsync(message.Id, Name, $"{error.GetType().Name}: {error.Message}", retryAt, cancellationToken);
                if (park)
                {
                    metrics.Parked(message);
                    LogParked(error, message.Id, message.Type, attempts);
                }
                else
                {
                    LogRetrying(error, message.Id, message.Type, attempts, retryAt!.Value);
                }
            }
        }
        return batch.Count;
    }

    private static string NewName()
    {
        var name = $"{Guid.NewGuid():N}/{Environment.ProcessId}@{Environment.MachineName}";
        return name.Length <= 100 ? name : name[..100]; // the lease column holds 100 characters
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}; retrying at {RetryAt:O}")]
    private partial void LogRetrying(Exception error, Guid messageId, string type, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Type}) failed {Attempt} times and is parked; see outbox_messages.last_error")]
    private partial void LogParked(Exception error, Guid messageId, string type, int attempt);
}
