using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using static RuralMarket.Domain.Tests.Builders;

namespace RuralMarket.Domain.Tests.Logistics;

public class ShipmentTests
{
    [Fact]
    public void A_booked_parcel_goes_picked_up_in_transit_out_for_delivery_delivered_and_keeps_the_cash_to_collect()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        foreach (var (status, minute) in new[] { (ShipmentStatus.PickedUp, 10), (ShipmentStatus.InTransit, 60), (ShipmentStatus.OutForDelivery, 600), (ShipmentStatus.Delivered, 700) })
        {
            Assert.Equal(ReportOutcome.Applied, shipment.Report(Report(status, minute), Now).Outcome);
        }
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Equal(shipment.CashOnDelivery, shipment.CashCollected);
        Assert.True(shipment.IsFinished);
        Assert.Equal(5, shipment.Events.Count);
    }

    [Fact]
    public void The_same_event_reported_five_times_is_recorded_once()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        var outcomes = Enumerable.Range(0, 5).Select(_ => shipment.Report(Report(ShipmentStatus.PickedUp, 10, key: "ghn-evt-1"), Now).Outcome).ToList();

        Assert.Equal([ReportOutcome.Applied, ReportOutcome.Duplicate, ReportOutcome.Duplicate, ReportOutcome.Duplicate, ReportOutcome.Duplicate], outcomes);
        Assert.Single(shipment.Events, e => e.EventKey == "ghn-evt-1");
    }

    [Fact]
    public void An_older_step_arriving_late_is_kept_in_the_history_but_never_moves_the_timeline_back()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        shipment.Report(Report(ShipmentStatus.OutForDelivery, 600), Now);

        var (outcome, steps) = shipment.Report(Report(ShipmentStatus.PickedUp, 10), Now);

        Assert.Equal(ReportOutcome.OutOfOrder, outcome);
        Assert.Empty(steps);
        Assert.Equal(ShipmentStatus.OutForDelivery, shipment.Status);
        Assert.Contains(shipment.Events, e => e.Status == ShipmentStatus.PickedUp && e.Outcome == ReportOutcome.OutOfOrder);
    }

    [Fact]
    public void A_step_already_passed_reported_again_with_a_later_time_is_kept_but_not_applied()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        shipment.Report(Report(ShipmentStatus.OutForDelivery, 600), Now);

        Assert.Equal(ReportOutcome.OutOfOrder, shipment.Report(Report(ShipmentStatus.OutForDelivery, 620), Now).Outcome);
        Assert.Equal(ShipmentStatus.OutForDelivery, shipment.Status);
    }

    [Fact]
    public void An_unknown_carrier_status_is_kept_and_flagged_not_dropped()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));

        Assert.Equal(ReportOutcome.Unrecognised, shipment.Report(Report(null, 5), Now).Outcome);

        Assert.Equal(ShipmentStatus.Booked, shipment.Status);
        Assert.Contains(shipment.Events, e => e.Outcome == ReportOutcome.Unrecognised && e.CarrierStatus == "mystery");
        Assert.Contains(shipment.PendingEvents, e => e is ShipmentStatusUnrecognised);
    }

    [Fact]
    public void An_impossible_step_is_refused_with_a_typed_error_and_changes_nothing()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        shipment.Report(Report(ShipmentStatus.Cancelled, 5), Now);
        var events = shipment.Events.Count;

        var refusal = Assert.Throws<IllegalShipmentStepException>(() => shipment.Report(Report(ShipmentStatus.Delivered, 60), Now));

        Assert.Equal("shipment.illegal_step", refusal.Code);
        Assert.Equal((ShipmentStatus.Cancelled, ShipmentStatus.Delivered), (refusal.From, refusal.To));
        Assert.Equal(events, shipment.Events.Count);
    }

    [Fact]
    public void A_failed_attempt_needs_its_reason()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        shipment.Report(Report(ShipmentStatus.OutForDelivery, 5), Now);

        var refusal = Assert.Throws<DomainException>(() => shipment.Report(Report(ShipmentStatus.DeliveryFailed, 60), Now));

        Assert.Equal("shipment.failure_reason", refusal.Code);
        Assert.Equal(ShipmentStatus.OutForDelivery, shipment.Status);
    }

    [Fact]
    public void The_third_failed_attempt_starts_the_return_and_no_fourth_round_or_delivery_follows()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            shipment.Report(Report(ShipmentStatus.OutForDelivery, attempt * 100), Now);
            var (_, steps) = shipment.Report(Report(ShipmentStatus.DeliveryFailed, attempt * 100 + 50, reason: DeliveryFailureReason.BuyerUnreachable), Now);
            Assert.Equal(attempt == 3 ? [ShipmentStatus.DeliveryFailed, ShipmentStatus.Returning] : [ShipmentStatus.DeliveryFailed], steps.Select(s => s.Status));
        }

        Assert.Equal(ShipmentStatus.Returning, shipment.Status);
        Assert.Equal(3, shipment.FailedAttempts);
        Assert.Equal(ReportOutcome.OutOfOrder, shipment.Report(Report(ShipmentStatus.OutForDelivery, 500), Now).Outcome);
        Assert.Throws<IllegalShipmentStepException>(() => shipment.Report(Report(ShipmentStatus.Delivered, 550), Now));
        Assert.Equal(ShipmentStatus.Returning, shipment.Status);
        Assert.Equal(ReportOutcome.Applied, shipment.Report(Report(ShipmentStatus.Returned, 600), Now).Outcome);
    }

    [Fact]
    public void Cash_collected_is_reported_only_with_the_delivery()
    {
        var shipment = Shipment(OrderAt(OrderStatus.Packed));
        var pickup = Report(ShipmentStatus.PickedUp, 5) with { CashCollected = Money.FromDong(1) };

        Assert.Equal("shipment.cash_collected", Assert.Throws<DomainException>(() => shipment.Report(pickup, Now)).Code);

        shipment.Report(Report(ShipmentStatus.Delivered, 60) with { CashCollected = Money.FromDong(100_000) }, Now);
        Assert.Equal(Money.FromDong(100_000), shipment.CashCollected);
    }

    [Fact]
    public void A_parcel_cannot_weigh_nothing_or_more_than_fifty_kilograms()
    {
        Assert.Equal("shipment.weight", Assert.Throws<DomainException>(() => new Parcel(0, 10, 10, 10)).Code);
        Assert.Equal("shipment.weight", Assert.Throws<DomainException>(() => new Parcel(50_001, 10, 10, 10)).Code);
        Assert.Equal("shipment.size", Assert.Throws<DomainException>(() => new Parcel(100, 0, 10, 10)).Code);
    }
}
