using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Posts a COD remittance to the ledger, waybill by waybill (<c>cod/{remittance}/{waybill}</c>): each line of the batch
/// that names one of the partner's parcels clears what its carrier owed for that order. A waybill the partner has no
/// parcel for, or one listed twice, is left for the reconciliation page; nothing is guessed.
/// </summary>
internal sealed class RemittancePostingHandler(IDbContextFactory<RuralMarketDbContext> contexts, Ledger ledger) : IOutboxHandler
{
    public bool Handles(string messageType) => messageType == DomainEventNames.CodRemitted;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        var remittanceId = payload.RootElement.GetProperty("remittanceId").GetGuid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var remittance = await db.Remittances.AsNoTracking().SingleOrDefaultAsync(r => r.Id == remittanceId, cancellationToken);
        if (remittance is null)
        {
            return;
        }
        var waybills = remittance.Lines.Select(l => l.Waybill).Distinct().ToList();
        var parcels = await db.Shipments.AsNoTracking()
            .Where(s => s.PartnerId == remittance.PartnerId && waybills.Contains(s.Waybill))
            .Select(s => new { s.Waybill, s.OrderId, s.Carrier }).ToListAsync(cancellationToken);
        foreach (var line in remittance.Lines.GroupBy(l => l.Waybill).Where(g => g.Count() == 1).Select(g => g.Single()))
        {
            if (parcels.SingleOrDefault(p => p.Waybill == line.Waybill) is { } parcel)
            {
                await ledger.PostOnceAsync(Posting.RemittanceOf(remittance.Id, line.Waybill), parcel.OrderId,
                    RemittancePosting.For(parcel.Carrier, line.Amount, line.Fee), cancellationToken);
            }
        }
    }
}
