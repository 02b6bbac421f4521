using RuralMarket.Domain.Logistics;
using static RuralMarket.Logistics.CarrierStatusMeaning;

namespace RuralMarket.Logistics.ViettelPost;

/// <summary>Viettel Post's numeric <c>ORDER_STATUS</c> on our timeline: listed codes first, then its ranges.</summary>
public static class ViettelPostStatuses
{
    public static CarrierStatusTable<int> Table { get; } = new(new Dictionary<int, CarrierStatusMeaning>
    {
        [-100] = Step(ShipmentStatus.Booked),
        [-108] = Step(ShipmentStatus.PickedUp),
        [-109] = Step(ShipmentStatus.PickedUp),
        [-110] = Step(ShipmentStatus.PickedUp),
        [100] = Step(ShipmentStatus.Booked),
        [101] = Step(ShipmentStatus.Cancelled),
        [102] = Step(ShipmentStatus.Booked),
        [103] = Step(ShipmentStatus.Booked),
        [104] = Step(ShipmentStatus.Booked),
        [105] = Step(ShipmentStatus.PickedUp),
        [106] = Step(ShipmentStatus.Booked),
        [107] = Step(ShipmentStatus.Cancelled),
        [201] = Step(ShipmentStatus.Cancelled),
        [501] = Step(ShipmentStatus.Delivered),
        [502] = Step(ShipmentStatus.Returning),
        [503] = Step(ShipmentStatus.LostOrDamaged),
        [504] = Step(ShipmentStatus.Returned),
        [505] = Step(ShipmentStatus.Returning),
        [506] = Step(ShipmentStatus.DeliveryFailed, DeliveryFailureReason.BuyerUnreachable),
        [507] = Step(ShipmentStatus.DeliveryFailed),
        [515] = Step(ShipmentStatus.Returning),
    }, code => code switch
    {
        >= 200 and <= 400 => Step(ShipmentStatus.InTransit),
        >= 500 and <= 570 => Step(ShipmentStatus.OutForDelivery),
        _ => Unknown,
    });
}
