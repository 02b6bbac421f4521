using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Logistics;
using RuralMarket.Grains.Orders;

namespace RuralMarket.Grains.Tests.Logistics;

/// <summary>Parcels booked, reported and followed by their orders, through the real grains and storage.</summary>
public abstract class ShipmentGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly Actor Manager = new(Guid.NewGuid(), "Nông Thị Hoa", "manager");
    private static readonly Parcel Box = new(1_200, 30, 20, 15);

    private TestPlatform Platform => cluster.Platform;

    private IGrainFactory Grains => cluster.Grains;

    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(PlacedOrder Order, Product Product)> PackedOrderAsync(int quantity = 2)
    {
        var cooperative = await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}");
        var product = await Platform.AddProductAsync(cooperative, $"mien-{Guid.NewGuid():N}", stock: 10);
        var placed = Assert.Single(await Grains.GetGrain<ICheckoutGrain>(Guid.NewGuid())
            .PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, quantity)])));
        var order = Grains.GetGrain<IOrderGrain>(placed.OrderId);
        await order.ConfirmAsync(Manager);
        await order.PackAsync(Manager);
        return (placed, product);
    }

    private async Task<(PlacedOrder Order, Product Product, ShipmentTicket Ticket)> BookedAsync()
    {
        var (order, product) = await PackedOrderAsync();
        var partner = await Platform.AddPostalPartnerAsync();
        var ticket = await Grains.GetGrain<IOrderGrain>(order.OrderId).BookShipmentAsync(partner.Id, Box, Manager);
        return (order, product, ticket);
    }

    private static ShipmentReport Step(string key, ShipmentStatus status, DateTimeOffset at, DeliveryFailureReason reason = DeliveryFailureReason.None) =>
        new(key, status, status.ToString(), at, ReportSource.Webhook, reason);

    private async Task<Order> OrderAsync(Guid id)
    {
        await using var db = Platform.NewContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    private async Task<Shipment> ShipmentAsync(Guid id)
    {
        await using var db = Platform.NewContext();
        return await db.Shipments.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    [ServiceFact]
    public async Task Booking_a_packed_order_with_a_partner_stores_the_parcel_with_our_waybill_and_booking_again_answers_it()
    {
        var (order, _, ticket) = await BookedAsync();

        Assert.Matches("^RM[0-9]{10}$", ticket.Waybill);
        var shipment = await ShipmentAsync(ticket.ShipmentId);
        Assert.Equal((ShipmentStatus.Booked, order.Total, "HTX Nông nghiệp Vi Hương"), (shipment.Status, shipment.CashOnDelivery, shipment.Sender.Name));
        Assert.Equal("Nguyễn Thị Lan", shipment.Recipient.Name);
        Assert.Equal(ticket.ShipmentId, (await OrderAsync(order.OrderId)).ShipmentId);
        Assert.Equal(ticket, await Grains.GetGrain<IOrderGrain>(order.OrderId).BookShipmentAsync(Guid.NewGuid(), Box, Manager));
    }

    [ServiceFact]
    public async Task An_unpacked_order_or_an_unknown_partner_books_nothing()
    {
        var cooperative = await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}");
        var product = await Platform.AddProductAsync(cooperative, $"mien-{Guid.NewGuid():N}");
        var placed = Assert.Single(await Grains.GetGrain<ICheckoutGrain>(Guid.NewGuid())
            .PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, 1)])));
        var notPacked = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IOrderGrain>(placed.OrderId).BookShipmentAsync(Guid.NewGuid(), Box, Manager));
        Assert.Equal("order.not_packed", notPacked.Code);

        var (packed, _) = await PackedOrderAsync();
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IOrderGrain>(packed.OrderId).BookShipmentAsync(Guid.NewGuid(), Box, Manager));
        Assert.Equal("shipment.partner_unknown", unknown.Code);
        await using var db = Platform.NewContext();
        Assert.False(await db.Shipments.AnyAsync(s => s.OrderId == packed.OrderId));

        // The same order books fine once a real partner is named.
        var partner = await Platform.AddPostalPartnerAsync();
        await Grains.GetGrain<IOrderGrain>(packed.OrderId).BookShipmentAsync(partner.Id, Box, Manager);
        Assert.True(await db.Shipments.AnyAsync(s => s.OrderId == packed.OrderId));
    }

    [ServiceFact]
    public async Task Every_step_delivered_five_times_and_out_of_order_gives_one_entry_per_event_and_the_right_end()
    {
        var (order, _, ticket) = await BookedAsync();
        var start = DateTimeOffset.UtcNow;
        var steps = new[]
        {
            Step("evt-1", ShipmentStatus.PickedUp, start.AddMinutes(10)),
            Step("evt-2", ShipmentStatus.InTransit, start.AddHours(2)),
            Step("evt-3", ShipmentStatus.OutForDelivery, start.AddHours(20)),
            Step("evt-4", ShipmentStatus.Delivered, start.AddHours(22)),
        };
        var deliveries = Enumerable.Range(0, 5).SelectMany(_ => steps).OrderBy(_ => Random.Shared.Next()).ToList();
        var shipment = Grains.GetGrain<IShipmentGrain>(ticket.ShipmentId);

        await Task.WhenAll(deliveries.Select(report => shipment.ReportAsync(report)));

        var stored = await ShipmentAsync(ticket.ShipmentId);
        Assert.Equal(ShipmentStatus.Delivered, stored.Status);
        foreach (var key in new[] { "evt-1", "evt-2", "evt-3", "evt-4" })
        {
            Assert.Single(stored.Events, e => e.EventKey == key);
        }
        var followed = await OrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Delivered, followed.Status);
        Assert.NotNull(followed.PaidAt);
        Assert.Single(followed.Timeline, t => t.Status == OrderStatus.HandedToCarrier);
        Assert.Single(followed.Timeline, t => t.Status == OrderStatus.Delivered);
    }

    [ServiceFact]
    public async Task Three_failed_attempts_lead_to_a_return_and_the_stock_comes_back_only_when_the_cooperative_has_the_goods()
    {
        var (order, product, ticket) = await BookedAsync();
        var shipment = Grains.GetGrain<IShipmentGrain>(ticket.ShipmentId);
        var at = DateTimeOffset.UtcNow;
        await shipment.ReportAsync(Step("pick", ShipmentStatus.PickedUp, at));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await shipment.ReportAsync(Step($"out-{attempt}", ShipmentStatus.OutForDelivery, at.AddDays(attempt)));
            await shipment.ReportAsync(Step($"fail-{attempt}", ShipmentStatus.DeliveryFailed, at.AddDays(attempt).AddHours(2), DeliveryFailureReason.BuyerUnreachable));
        }
        Assert.Equal(ShipmentStatus.Returning, (await ShipmentAsync(ticket.ShipmentId)).Status);
        var receipt = await shipment.ReportAsync(Step("back", ShipmentStatus.Returned, at.AddDays(6)));
        Assert.Equal((ReportOutcome.Applied, ShipmentStatus.Returned), (receipt.Outcome, receipt.Status));
        Assert.Equal(OrderStatus.Returned, (await OrderAsync(order.OrderId)).Status);
        Assert.Equal(8, await StockOfAsync(product.Id));

        await Grains.GetGrain<IOrderGrain>(order.OrderId).ConfirmReturnReceivedAsync(Manager);

        Assert.Equal(10, await StockOfAsync(product.Id));
        var again = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IOrderGrain>(order.OrderId).ConfirmReturnReceivedAsync(Manager));
        Assert.Equal("order.return_already_received", again.Code);
        Assert.Equal(10, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task An_impossible_step_reaches_the_caller_as_the_same_typed_error()
    {
        var (_, _, ticket) = await BookedAsync();
        var shipment = Grains.GetGrain<IShipmentGrain>(ticket.ShipmentId);
        await shipment.CancelAsync(Manager);

        var refusal = await Assert.ThrowsAsync<IllegalShipmentStepException>(() =>
            shipment.ReportAsync(Step("late", ShipmentStatus.Delivered, DateTimeOffset.UtcNow.AddDays(1))));

        Assert.Equal((ShipmentStatus.Cancelled, ShipmentStatus.Delivered, ticket.Waybill), (refusal.From, refusal.To, refusal.Waybill));
    }

    [ServiceFact]
    public async Task A_cancelled_booking_lets_the_order_be_booked_again_as_a_new_parcel()
    {
        var (order, _, ticket) = await BookedAsync();
        await Grains.GetGrain<IShipmentGrain>(ticket.ShipmentId).CancelAsync(Manager);
        Assert.Null((await OrderAsync(order.OrderId)).ShipmentId);

        var partner = await Platform.AddPostalPartnerAsync();
        var second = await Grains.GetGrain<IOrderGrain>(order.OrderId).BookShipmentAsync(partner.Id, Box, Manager);

        Assert.NotEqual(ticket.ShipmentId, second.ShipmentId);
        Assert.Equal(second.ShipmentId, (await OrderAsync(order.OrderId)).ShipmentId);
    }

    [ServiceFact]
    public async Task Returned_is_not_a_reason_staff_may_give_by_hand()
    {
        var (_, product) = await PackedOrderAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Grains.GetGrain<Catalog.IProductGrain>(product.Id).AdjustStockAsync(5, StockAdjustmentReason.Returned, null, Manager));

        Assert.Equal("stock.reason_returned", refusal.Code);
        Assert.Equal(8, await StockOfAsync(product.Id));
    }

    private async Task<int> StockOfAsync(Guid productId)
    {
        await using var db = Platform.NewContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }
}

public sealed class SqliteShipmentGrainTests(SqliteGrainCluster cluster) : ShipmentGrainTests(cluster), IClassFixture<SqliteGrainCluster>;

public sealed class PostgresShipmentGrainTests(PostgresGrainCluster cluster) : ShipmentGrainTests(cluster), IClassFixture<PostgresGrainCluster>, IUsesPostgres;
