using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// The names events are stored and handled under in the outbox. They are part of the contract with handlers and
/// with messages already waiting, so they never follow a class being renamed: change one only with a migration that
/// renames the waiting messages too.
/// </summary>
public static class DomainEventNames
{
    public const string ProductChanged = "catalog.product-changed";
    public const string CooperativeRegistered = "cooperatives.registered";
    public const string CooperativeVerified = "cooperatives.verified";
    public const string CooperativeChanged = "cooperatives.changed";
    public const string OrderPlaced = "orders.placed";
    public const string OrderStatusChanged = "orders.status-changed";
    public const string OrderPaid = "orders.paid";
    public const string OrderRefunded = "orders.refunded";
    public const string ShipmentBooked = "logistics.shipment-booked";
    public const string ShipmentStepped = "logistics.shipment-stepped";
    public const string ShipmentStatusUnrecognised = "logistics.carrier-status-unrecognised";
    public const string CodRemitted = "logistics.cod-remitted";
    public const string PayoutRunDrawn = "payments.payout-drawn";
    public const string PayoutRunPaid = "payments.payout-paid";

    public static string Of(IDomainEvent domainEvent) => domainEvent switch
    {
        Catalog.ProductChanged => ProductChanged,
        Cooperatives.CooperativeRegistered => CooperativeRegistered,
        Cooperatives.CooperativeVerified => CooperativeVerified,
        Cooperatives.CooperativeChanged => CooperativeChanged,
        Orders.OrderPlaced => OrderPlaced,
        Orders.OrderStatusChanged => OrderStatusChanged,
        Orders.OrderPaid => OrderPaid,
        Orders.OrderRefunded => OrderRefunded,
        Logistics.ShipmentBooked => ShipmentBooked,
        Logistics.ShipmentStepped => ShipmentStepped,
        Logistics.ShipmentStatusUnrecognised => ShipmentStatusUnrecognised,
        Logistics.CodRemitted => CodRemitted,
        Payments.PayoutRunDrawn => PayoutRunDrawn,
        Payments.PayoutRunPaid => PayoutRunPaid,
        _ => throw new InvalidOperationException($"{domainEvent.GetType().Name} has no name in {nameof(DomainEventNames)}: give it one before raising it."),
    };
}
