using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Posts each sale to the ledger once its money has come in: a prepaid order when it is paid (into the bank account),
/// a cash-on-delivery order when the carrier has collected the cash (owed by that carrier until it remits). One
/// posting per order (<c>sale/{order}</c>), written in one transaction; a message handled again finds it and stops.
/// It reads the order as stored, so the posting uses the lines, fee and shares the order was sold with.
/// </summary>
internal sealed class LedgerPostingHandler(IDbContextFactory<RuralMarketDbContext> contexts, IOptions<LedgerOptions> options, TimeProvider clock)
    : IOutboxHandler
{
    public bool Handles(string messageType) => messageType is DomainEventNames.OrderPaid or DomainEventNames.OrderStatusChanged;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        var orderId = payload.RootElement.GetProperty("orderId").GetGuid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order?.PaidAt is null || await PaidIntoAsync(db, order, cancellationToken) is not { } account)
        {
            return; // not paid yet (a status change before delivery): nothing to post
        }
        var posting = $"sale/{order.Id}";
        if (await db.LedgerLines.AnyAsync(l => l.Posting == posting, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.LedgerLines.AddRange(SalePosting.For(order, account, new PlatformFeeRate(options.Value.PlatformFeeBasisPoints))
            .Select(e => new LedgerLine(posting, order.Id, e, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (!await again.LedgerLines.AnyAsync(l => l.Posting == posting, CancellationToken.None))
            {
                throw;
            }
            // another relay posted it at the same moment
        }
    }

    /// <summary>Where the buyer's money is: the bank for a prepaid order, the carrier that collected it for cash on delivery.</summary>
    private static async Task<string?> PaidIntoAsync(RuralMarketDbContext db, Order order, CancellationToken cancellationToken)
    {
        if (order.PaymentMethod != PaymentMethod.CashOnDelivery)
        {
            return LedgerEntry.Bank;
        }
        var carrier = order.ShipmentId is { } shipmentId
            ? await db.Shipments.AsNoTracking().Where(s => s.Id == shipmentId).Select(s => s.Carrier).SingleOrDefaultAsync(cancellationToken)
            : null;
        return carrier is null ? null : LedgerEntry.CashOnDelivery(carrier);
    }
}
