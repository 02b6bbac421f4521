using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests;

/// <summary>Test-data builders: valid aggregates by default, so each test states only what it is about.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7));

    public static ProductListing Listing(string name = "Miến dong Vi Hương") =>
        new(name, "Miến làm từ củ dong riềng.", ProductCategory.Food, SalesUnit.Package, 500, "Vi Hương, Bạch Thông, Bắc Kạn", "Tháng 11 – tháng 2");

    public static Product Product(long priceDong = 85_000, int stock = 10)
    {
        var product = Domain.Catalog.Product.Create(Guid.NewGuid(), Guid.NewGuid(), "mien-dong-vi-huong", Listing(), Money.FromDong(priceDong), Now);
        product.AssignProducers([new ProducerShare(Guid.NewGuid(), 100)], Now);
        if (stock > 0)
        {
            product.AdjustStock(stock, Now);
        }
        return product;
    }

    public static OrderLine Line(long priceDong = 85_000, int quantity = 2) =>
        new(Guid.NewGuid(), "Miến dong Vi Hương", Money.FromDong(priceDong), quantity, 500);

    public static OrderRecipient Recipient() =>
        new(new BuyerContact("Nguyễn Thị Lan", "0912 345 678", null), new Address("HN", "Phường Ba Đình", "12 Phan Đình Phùng"), null);

    public static Order Order(PaymentMethod method = PaymentMethod.CashOnDelivery, params OrderLine[] lines) =>
        Domain.Orders.Order.Place(
            new OrderIdentity(Guid.NewGuid(), "RM-TEST0001", "secret-token", Guid.NewGuid()),
            Guid.NewGuid(),
            Recipient(),
            method,
            lines.Length == 0 ? [Line()] : lines,
            Money.FromDong(30_000),
            Now,
            TimeSpan.FromMinutes(30));

    /// <summary>An order walked along the happy path up to <paramref name="status"/> (not for Cancelled/DeliveryFailed/Returned).</summary>
    public static Order OrderAt(OrderStatus status)
    {
        var order = Order();
        var path = new (OrderStatus Status, Action<Order> Step)[]
        {
            (OrderStatus.Confirmed, o => o.Confirm(Now)),
            (OrderStatus.Packed, o => o.Pack(Now)),
            (OrderStatus.HandedToCarrier, o => o.HandToCarrier(Now)),
            (OrderStatus.InTransit, o => o.MarkInTransit(Now)),
            (OrderStatus.Delivered, o => o.MarkDelivered(Now)),
            (OrderStatus.Completed, o => o.Complete(Now)),
        };
        foreach (var (next, step) in path)
        {
            if (order.Status == status)
            {
                break;
            }
            step(order);
            Assert.Equal(next, order.Status);
        }
        return order;
    }

    /// <summary>A parcel booked for <paramref name="order"/> (a packed one), attached to it as the order grain would.</summary>
    public static Shipment Shipment(Order order)
    {
        var shipment = Domain.Logistics.Shipment.Book(new ShipmentBooking(Guid.NewGuid(), order.Id, order.Code, order.CooperativeId, Guid.NewGuid(),
            "partner", "standard", "RMP123456789", new Parcel(1_000, 20, 15, 10),
            new ParcelEnd("HTX Nông nghiệp Vi Hương", "0209 3871 234", new Address("BK", "Xã Vi Hương", "Thôn Nà Pài")),
            new ParcelEnd(order.Buyer.Name, order.Buyer.Phone, order.DeliveryAddress),
            Money.FromDong(30_000), Money.FromDong(30_000), order.CashOnDeliveryAmount), Now);
        order.AttachShipment(shipment.Id);
        return shipment;
    }

    public static ShipmentReport Report(ShipmentStatus? status, int minutesAfterNow, string? key = null,
        DeliveryFailureReason reason = DeliveryFailureReason.None, ReportSource source = ReportSource.PartnerApi) =>
        new(key ?? $"{status}@{minutesAfterNow}", status, status?.ToString() ?? "mystery", Now.AddMinutes(minutesAfterNow), source, reason);
}
