using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Notices;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Notices;

namespace RuralMarket.Silo.Notices;

/// <summary>A notice worked out from an event: what to say, and to whom.</summary>
internal sealed record PlannedNotice(NoticeDraft Draft, string Recipient);

/// <summary>
/// Who is told what when an event happens: the buyer (by phone and, when given, e-mail) about their order's steps,
/// the cooperative's people who receive notices about new orders and low stock. Reads the facts from the tables as
/// they stand, like every other handler.
/// </summary>
internal sealed class NoticePlanner(IOptions<NoticesOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static readonly string[] EventTypes =
        [DomainEventNames.OrderPlaced, DomainEventNames.OrderPaid, DomainEventNames.ShipmentStepped, DomainEventNames.ProductChanged];

    public async Task<IReadOnlyList<PlannedNotice>> PlanAsync(RuralMarketDbContext db, OutboxMessage message, CancellationToken cancellationToken) =>
        message.Type switch
        {
            DomainEventNames.OrderPlaced => await OrderPlacedAsync(db, Read<OrderPlaced>(message).OrderId, cancellationToken),
            DomainEventNames.OrderPaid => await OrderPaidAsync(db, Read<OrderPaid>(message).OrderId, cancellationToken),
            DomainEventNames.ShipmentStepped => await ShipmentSteppedAsync(db, Read<ShipmentStepped>(message), cancellationToken),
            DomainEventNames.ProductChanged => await ProductChangedAsync(db, Read<ProductChanged>(message).ProductId, cancellationToken),
            _ => [],
        };

    private async Task<IReadOnlyList<PlannedNotice>> OrderPlacedAsync(RuralMarketDbContext db, Guid orderId, CancellationToken cancellationToken)
    {
        if (await OrderAsync(db, orderId, cancellationToken) is not { } order)
        {
            return [];
        }
        var tracking = Tracking(order);
        var draft = order is { PaymentMethod: PaymentMethod.BankTransfer, ReservationExpiresAt: { } payBy }
            ? BuyerNotices.AwaitingTransfer(order.Id, order.Code, order.Total, payBy, tracking)
            : BuyerNotices.Placed(order.Id, order.Code, order.Total, tracking);
        var notices = ToBuyer(order, draft).ToList();
        if (order.PaymentMethod == PaymentMethod.CashOnDelivery)
        {
            notices.AddRange(await ToCooperativeAsync(db, order.CooperativeId, slug => NewOrder(order, slug), cancellationToken));
        }
        return notices;
    }

    /// <summary>A prepaid order reaches the cooperative once its money is in: before that there is nothing to pack.</summary>
    private async Task<IReadOnlyList<PlannedNotice>> OrderPaidAsync(RuralMarketDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        await OrderAsync(db, orderId, cancellationToken) is { PaymentMethod: not PaymentMethod.CashOnDelivery } order
            ? await ToCooperativeAsync(db, order.CooperativeId, slug => NewOrder(order, slug), cancellationToken)
            : [];

    private async Task<IReadOnlyList<PlannedNotice>> ShipmentSteppedAsync(RuralMarketDbContext db, ShipmentStepped step, CancellationToken cancellationToken)
    {
        if (step.To is not (ShipmentStatus.PickedUp or ShipmentStatus.OutForDelivery or ShipmentStatus.Delivered or ShipmentStatus.DeliveryFailed)
            || await OrderAsync(db, step.OrderId, cancellationToken) is not { } order
            || await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == step.ShipmentId, cancellationToken) is not { } shipment)
        {
            return [];
        }
        var partner = await db.PostalPartners.AsNoTracking().Where(p => p.Id == shipment.PartnerId)
            .Select(p => new { p.Name, p.Phone }).SingleOrDefaultAsync(cancellationToken);
        var phone = partner is { Phone.Length: > 0 } ? partner.Phone
            : await db.Cooperatives.AsNoTracking().Where(c => c.Id == order.CooperativeId).Select(c => c.ContactPhone).SingleAsync(cancellationToken);
        var tracking = Tracking(order);
        var draft = step.To switch
        {
            ShipmentStatus.PickedUp => BuyerNotices.Shipped(order.Id, order.Code, partner?.Name ?? shipment.Carrier, shipment.Waybill, tracking),
            ShipmentStatus.OutForDelivery => BuyerNotices.OutForDelivery(order.Id, order.Code, shipment.CashOnDelivery, phone, tracking),
            ShipmentStatus.Delivered => BuyerNotices.Delivered(order.Id, order.Code, tracking),
            _ => BuyerNotices.DeliveryFailed(order.Id, order.Code, FailureOf(shipment, step.OccurredAt), step.OccurredAt, phone, tracking),
        };
        return ToBuyer(order, draft).ToList();
    }

    private async Task<IReadOnlyList<PlannedNotice>> ProductChangedAsync(RuralMarketDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is not { Status: ProductStatus.Published } || product.Stock > options.Value.LowStockAt)
        {
            return [];
        }
        return await ToCooperativeAsync(db, product.CooperativeId,
            slug => CooperativeNotices.LowStock(product.Id, product.Name, product.Stock, VietnamCalendar.Today(clock), Link($"portal/{slug}/products/{product.Id}")),
            cancellationToken);
    }

    private NoticeDraft NewOrder(Order order, string cooperativeSlug) =>
        CooperativeNotices.NewOrder(order.Id, order.Code, order.Lines.Sum(l => l.Quantity), order.Total, Link($"portal/{cooperativeSlug}/orders/{order.Code}"));

    private static IEnumerable<PlannedNotice> ToBuyer(Order order, NoticeDraft draft)
    {
        yield return new PlannedNotice(draft, order.Buyer.Phone);
        if (order.Buyer.Email.Length > 0)
        {
            yield return new PlannedNotice(draft, order.Buyer.Email.ToLowerInvariant());
        }
    }

    /// <summary>The cooperative's people who receive notices, each at the name they sign in with (a phone or an e-mail).</summary>
    private static async Task<IReadOnlyList<PlannedNotice>> ToCooperativeAsync(RuralMarketDbContext db, Guid cooperativeId, Func<string, NoticeDraft> draft,
        CancellationToken cancellationToken)
    {
        var slug = await db.Cooperatives.AsNoTracking().Where(c => c.Id == cooperativeId && c.Verification == VerificationStatus.Verified)
            .Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken);
        if (slug is null)
        {
            return [];
        }
        var names = await db.CooperativeAccess.AsNoTracking()
            .Where(a => a.CooperativeId == cooperativeId && a.ReceivesNotices)
            .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => u.UserName!)
            .ToListAsync(cancellationToken);
        var notice = draft(slug);
        return names.Distinct().Select(name => new PlannedNotice(notice, name.ToLowerInvariant())).ToList();
    }

    private static DeliveryFailureReason FailureOf(Shipment shipment, DateTimeOffset occurredAt) =>
        shipment.Events.Where(e => e is { Status: ShipmentStatus.DeliveryFailed, Outcome: ReportOutcome.Applied })
            .OrderBy(e => e.OccurredAt == occurredAt ? 0 : 1).ThenByDescending(e => e.Sequence)
            .Select(e => e.Reason).FirstOrDefault(DeliveryFailureReason.Other);

    private static Task<Order?> OrderAsync(RuralMarketDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    private string Tracking(Order order) => Link($"orders/{order.TrackingToken}");

    private string Link(string path) => options.Value.Link(path);

    private static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, EventJson) ?? throw new JsonException($"{message.Type} {message.Id} has an empty payload");
}
