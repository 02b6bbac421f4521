using RuralMarket.Domain.Logistics;
using static RuralMarket.Logistics.CarrierStatusMeaning;

namespace RuralMarket.Logistics.VnPost;

/// <summary>
/// MyVNPost's numeric order statuses on our timeline. Vietnam Post sends no webhooks: open parcels are polled.
/// Codes not listed here (the API defines up to 29) are kept and flagged until someone adds them.
/// </summary>
public static class VnPostStatuses
{
    public static CarrierStatusTable<int> Table { get; } = new(new Dictionary<int, CarrierStatusMeaning>
    {
        [1] = Step(ShipmentStatus.Booked),
        [2] = Step(ShipmentStatus.Booked),
        [3] = Step(ShipmentStatus.Cancelled),
        [4] = Step(ShipmentStatus.Booked),
        [5] = Step(ShipmentStatus.PickedUp),
        [6] = Step(ShipmentStatus.InTransit),
        [7] = Step(ShipmentStatus.InTransit),
        [8] = Step(ShipmentStatus.InTransit),
        [9] = Step(ShipmentStatus.InTransit),
        [10] = Step(ShipmentStatus.InTransit),
        [11] = Step(ShipmentStatus.InTransit),
        [12] = Step(ShipmentStatus.InTransit),
        [13] = Step(ShipmentStatus.OutForDelivery),
        [14] = Step(ShipmentStatus.Delivered),
        [15] = Step(ShipmentStatus.DeliveryFailed),
        [16] = Step(ShipmentStatus.Returning),
        [17] = Step(ShipmentStatus.Returning),
        [18] = Step(ShipmentStatus.Returned),
        [19] = Step(ShipmentStatus.LostOrDamaged),
        [20] = Step(ShipmentStatus.LostOrDamaged),
        [21] = Note,
    });
}
