using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Payments;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Writes ledger postings, each once: a posting is named (<c>sale/{order}</c>, <c>cod/{remittance}/{waybill}</c>,
/// <c>payout/{run}</c>), and a name already in the ledger is left alone, also when another relay wrote it a moment ago.
/// </summary>
internal sealed class Ledger(IDbContextFactory<RuralMarketDbContext> contexts, TimeProvider clock)
{
    public async Task<bool> HasAsync(string posting, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LedgerLines.AnyAsync(l => l.Posting == posting, cancellationToken);
    }

    public async Task PostOnceAsync(string posting, Guid? orderId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.LedgerLines.AnyAsync(l => l.Posting == posting, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.LedgerLines.AddRange(entries.Select(e => new LedgerLine(posting, orderId, e, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await HasAsync(posting, CancellationToken.None))
            {
                throw;
            }
            // another relay posted it at the same moment
        }
    }
}
