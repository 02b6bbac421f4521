using RuralMarket.Domain.Logistics;
using static RuralMarket.Logistics.CarrierStatusMeaning;

namespace RuralMarket.Logistics.Ghn;

/// <summary>GHN's order statuses (the <c>Status</c> of its webhook and order detail) on our timeline.</summary>
public static class GhnStatuses
{
    public static CarrierStatusTable<string> Table { get; } = new(new Dictionary<string, CarrierStatusMeaning>(StringComparer.Ordinal)
    {
        ["ready_to_pick"] = Step(ShipmentStatus.Booked),
        ["picking"] = Step(ShipmentStatus.Booked),
        ["money_collect_picking"] = Step(ShipmentStatus.Booked),
        ["cancel"] = Step(ShipmentStatus.Cancelled),
        ["picked"] = Step(ShipmentStatus.PickedUp),
        ["storing"] = Step(ShipmentStatus.InTransit),
        ["transporting"] = Step(ShipmentStatus.InTransit),
        ["sorting"] = Step(ShipmentStatus.InTransit),
        ["delivering"] = Step(ShipmentStatus.OutForDelivery),
        ["money_collect_delivering"] = Step(ShipmentStatus.OutForDelivery),
        ["delivered"] = Step(ShipmentStatus.Delivered),
        ["delivery_fail"] = Step(ShipmentStatus.DeliveryFailed),
        ["waiting_to_return"] = Step(ShipmentStatus.Returning),
        ["return"] = Step(ShipmentStatus.Returning),
        ["return_transporting"] = Step(ShipmentStatus.Returning),
        ["return_sorting"] = Step(ShipmentStatus.Returning),
        ["returning"] = Step(ShipmentStatus.Returning),
        ["return_fail"] = Step(ShipmentStatus.Returning),
        ["returned"] = Step(ShipmentStatus.Returned),
        ["damage"] = Step(ShipmentStatus.LostOrDamaged),
        ["lost"] = Step(ShipmentStatus.LostOrDamaged),
    });

    /// <summary>
    /// A step as GHN reports it, keyed by status and time to the millisecond, so the same step from a webhook resent
    /// or from a later poll of the order's log is recognised as one.
    /// </summary>
    public static ShipmentReport? Report(string status, DateTimeOffset at, ReportSource source, string note, Domain.Shared.Money? cash,
        DeliveryFailureReason? reason = null) =>
        Table.Report(status, $"ghn/{status}/{at.UtcDateTime:yyyyMMddTHHmmssfff}", at, source, note, reason, cash);
}
