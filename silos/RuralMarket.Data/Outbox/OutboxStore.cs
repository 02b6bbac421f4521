using Microsoft.EntityFrameworkCore;

namespace RuralMarket.Data.Outbox;

/// <summary>
/// Claims outbox messages for one relay with a time-limited lease, and records how handling went.
/// On PostgreSQL the claim skips rows another relay is claiming (<c>FOR UPDATE SKIP LOCKED</c>), so several silos
/// share the work; a lease that runs out (a crashed relay) makes its messages claimable again.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<RuralMarketDbContext> contexts, TimeProvider clock)
{
    public const int MaxErrorLength = 2_000;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string relay, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = db.IsSqlite
            ? db.OutboxMessages.FromSql($"""
                UPDATE outbox_messages SET locked_by = {relay}, locked_until = {until.UtcTicks}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= {now.UtcTicks}
                      AND (locked_until IS NULL OR locked_until < {now.UtcTicks})
                    ORDER BY occurred_at LIMIT {batchSize})
                RETURNING *
                """)
            : db.OutboxMessages.FromSql($"""
                UPDATE outbox_messages SET locked_by = {relay}, locked_until = {until}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= {now}
                      AND (locked_until IS NULL OR locked_until < {now})
                    ORDER BY occurred_at LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """);
        List<OutboxMessage> messages;
        using (await db.TakeWriterTurnAsync(cancellationToken))
        {
            messages = await claimed.AsNoTracking().ToListAsync(cancellationToken);
        }
        return messages.OrderBy(m => m.OccurredAt).ToList();
    }

    public async Task CompleteAsync(Guid messageId, string relay, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        using var turn = await db.TakeWriterTurnAsync(cancellationToken);
        await db.OutboxMessages
            .Where(m => m.Id == messageId && m.LockedBy == relay)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or parked for a person when it is null.</summary>
    public async Task FailAsync(Guid messageId, string relay, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var trimmed = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        using var turn = await db.TakeWriterTurnAsync(cancellationToken);
        await db.OutboxMessages
            .Where(m => m.Id == messageId && m.LockedBy == relay)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, trimmed)
                .SetProperty(m => m.NextAttemptAt, retryAt ?? now)
                .SetProperty(m => m.ParkedAt, retryAt == null ? now : null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ParkedAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ParkedAt != null)
            .OrderByDescending(m => m.ParkedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
    }
}
