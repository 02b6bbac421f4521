using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using static RuralMarket.Domain.Tests.Builders;

namespace RuralMarket.Domain.Tests.Orders;

public class OrderFollowsShipmentTests
{
    [Fact]
    public void Only_a_packed_order_gets_a_parcel_and_only_one()
    {
        Assert.Equal("order.not_packed", Assert.Throws<DomainException>(() => OrderAt(OrderStatus.Confirmed).AttachShipment(Guid.NewGuid())).Code);
        var order = OrderAt(OrderStatus.Packed);
        var shipment = Shipment(order);

        order.AttachShipment(shipment.Id);
        Assert.Equal("order.shipment_exists", Assert.Throws<DomainException>(() => order.AttachShipment(Guid.NewGuid())).Code);
    }

    [Fact]
    public void A_delivery_reported_straight_after_booking_walks_the_order_through_pickup_and_transit_and_marks_cash_paid()
    {
        var order = OrderAt(OrderStatus.Packed);
        var shipment = Shipment(order);
        var (_, steps) = shipment.Report(Report(ShipmentStatus.Delivered, 90), Now);

        order.FollowShipment(shipment.Id, steps);

        Assert.Equal([OrderStatus.HandedToCarrier, OrderStatus.InTransit, OrderStatus.Delivered], order.Timeline.Skip(3).Select(t => t.Status));
        Assert.Equal(Now.AddMinutes(90), order.PaidAt);
    }

    [Fact]
    public void Steps_passed_on_twice_move_the_order_once()
    {
        var order = OrderAt(OrderStatus.Packed);
        var shipment = Shipment(order);
        var (_, steps) = shipment.Report(Report(ShipmentStatus.PickedUp, 5), Now);

        order.FollowShipment(shipment.Id, steps);
        order.FollowShipment(shipment.Id, steps);

        Assert.Single(order.Timeline, t => t.Status == OrderStatus.HandedToCarrier);
    }

    [Fact]
    public void Each_failed_attempt_is_on_the_order_and_the_third_one_then_the_return_ends_it_returned()
    {
        var order = OrderAt(OrderStatus.Packed);
        var shipment = Shipment(order);
        void Follow(ShipmentStatus status, int minute, DeliveryFailureReason reason = DeliveryFailureReason.None) =>
            order.FollowShipment(shipment.Id, shipment.Report(Report(status, minute, reason: reason), Now).Steps);

        Follow(ShipmentStatus.PickedUp, 1);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Follow(ShipmentStatus.DeliveryFailed, attempt * 10, DeliveryFailureReason.Refused);
        }
        Assert.Equal(OrderStatus.DeliveryFailed, order.Status);
        Assert.Equal(3, order.Timeline.Count(t => t.Status == OrderStatus.DeliveryFailed));

        Follow(ShipmentStatus.Returned, 100);
        Assert.Equal(OrderStatus.Returned, order.Status);
        order.ConfirmReturnReceived(Now.AddDays(1));
        Assert.Equal("order.return_already_received", Assert.Throws<DomainException>(() => order.ConfirmReturnReceived(Now.AddDays(2))).Code);
    }

    [Fact]
    public void A_goods_back_confirmation_before_the_parcel_is_returned_is_refused()
    {
        var order = OrderAt(OrderStatus.Packed);

        Assert.Equal("order.not_returned", Assert.Throws<DomainException>(() => order.ConfirmReturnReceived(Now)).Code);
    }

    [Fact]
    public void A_cancelled_booking_frees_the_order_for_another_parcel()
    {
        var order = OrderAt(OrderStatus.Packed);
        var shipment = Shipment(order);

        order.FollowShipment(shipment.Id, shipment.Report(Report(ShipmentStatus.Cancelled, 5), Now).Steps);

        Assert.Null(order.ShipmentId);
        Assert.Equal(OrderStatus.Packed, order.Status);
        order.AttachShipment(Guid.NewGuid());
    }

    [Fact]
    public void Steps_of_a_parcel_that_is_not_the_orders_change_nothing()
    {
        var order = OrderAt(OrderStatus.Packed);
        var cancelled = Shipment(order);
        order.FollowShipment(cancelled.Id, cancelled.Report(Report(ShipmentStatus.Cancelled, 5), Now).Steps);
        var current = Shipment(order);

        order.FollowShipment(cancelled.Id, [new ShipmentStep(3, ShipmentStatus.Delivered, DeliveryFailureReason.None, "", Now.AddHours(1))]);

        Assert.Equal((OrderStatus.Packed, current.Id), (order.Status, order.ShipmentId));
    }
}
