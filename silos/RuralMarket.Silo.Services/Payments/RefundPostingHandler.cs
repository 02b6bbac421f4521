using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Posts each refund sent to the buyer (<c>refund/{order}/{refund}</c>): the money leaves the bank, and the shares the
/// sale gave are taken back (all of them for a full refund, the refunded lines' for a part). It waits for the sale's
/// own posting, so a refund is never posted against a sale the ledger does not hold yet.
/// </summary>
internal sealed class RefundPostingHandler(IDbContextFactory<RuralMarketDbContext> contexts, Ledger ledger)
    : IOutboxHandler
{
    public bool Handles(string messageType) => messageType == DomainEventNames.OrderRefunded;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        var orderId = payload.RootElement.GetProperty("orderId").GetGuid();
        var refundId = payload.RootElement.GetProperty("refundId").GetGuid();
        var posting = Posting.RefundOf(orderId, refundId);
        if (await ledger.HasAsync(posting, cancellationToken))
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saleOf = Posting.SaleOf(orderId);
        var sale = (await db.LedgerLines.AsNoTracking().Where(l => l.Posting == saleOf).ToListAsync(cancellationToken))
            .Select(l => l.Entry).ToList();
        if (sale.Count == 0)
        {
            throw new InvalidOperationException($"Refund {refundId} waits for the sale of order {orderId} to be posted."); // the relay tries again
        }
        var productIds = payload.RootElement.GetProperty("productIds").EnumerateArray().Select(p => p.GetGuid()).ToList();
        await ledger.PostOnceAsync(posting, orderId, SalePosting.RefundOf(sale, productIds, LedgerEntry.Bank), cancellationToken);
    }
}
