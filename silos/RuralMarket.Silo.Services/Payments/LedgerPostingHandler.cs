using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Posts each sale to the ledger once its money has come in: a prepaid order when it is paid (into the bank account),
/// a cash-on-delivery order when the carrier has collected the cash (owed by that carrier until it remits). One
/// posting per order (<c>sale/{order}</c>). It reads the order as stored, so the posting uses the lines, fee and
/// shares the order was sold with.
/// </summary>
internal sealed class LedgerPostingHandler(IDbContextFactory<RuralMarketDbContext> contexts, Ledger ledger, IOptions<LedgerOptions> options)
    : IOutboxHandler
{
    public bool Handles(string messageType) => messageType is DomainEventNames.OrderPaid or DomainEventNames.OrderStatusChanged;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        var orderId = payload.RootElement.GetProperty("orderId").GetGuid();
        var posting = Posting.SaleOf(orderId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order?.PaidAt is null || await PaidIntoAsync(db, order, cancellationToken) is not { } account || await ledger.HasAsync(posting, cancellationToken))
        {
            return; // not paid yet (a status change before delivery), or posted already
        }
        await ledger.PostOnceAsync(posting, order.Id, SalePosting.For(order, account, new PlatformFeeRate(options.Value.PlatformFeeBasisPoints)), cancellationToken);
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
