using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Payments;

/// <summary>Posts a payout run once an admin has marked it paid (<c>payout/{run}</c>): what was owed leaves the bank.</summary>
internal sealed class PayoutPostingHandler(IDbContextFactory<RuralMarketDbContext> contexts, Ledger ledger) : IOutboxHandler
{
    public bool Handles(string messageType) => messageType == DomainEventNames.PayoutRunPaid;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        var runId = payload.RootElement.GetProperty("runId").GetGuid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.PayoutRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken) is { } run)
        {
            await ledger.PostOnceAsync(Posting.PayoutOf(run.Id), null, run.Posting(), cancellationToken);
        }
    }
}
