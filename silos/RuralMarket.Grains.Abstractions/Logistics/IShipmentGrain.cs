using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Logistics;

/// <summary>The single writer of one parcel (keyed by shipment id): its booking with a carrier and its timeline.</summary>
public interface IShipmentGrain : IGrainWithGuidKey
{
    /// <summary>Books the parcel with the partner's carrier. Booking again answers the booking already made.</summary>
    Task<ShipmentTicket> BookAsync(ShipmentRequest request, Actor actor);

    /// <summary>Records one reported step; the order follows what the timeline applied.</summary>
    Task<ReportReceipt> ReportAsync(ShipmentReport report);

    /// <summary>Asks the carrier for the parcel's steps and records those not yet known; answers how many were applied.</summary>
    Task<int> RefreshAsync();

    /// <summary>Cancels a parcel not yet picked up, with the carrier and here; the order can then be booked again.</summary>
    Task CancelAsync(Actor actor);
}

/// <summary>What the order tells its parcel's booking: who receives it, what to collect, what the buyer paid for carriage.</summary>
[GenerateSerializer, Immutable]
public sealed record ShipmentRequest(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] string OrderCode,
    [property: Id(2)] Guid CooperativeId,
    [property: Id(3)] Guid PartnerId,
    [property: Id(4)] Parcel Parcel,
    [property: Id(5)] ParcelEnd Recipient,
    [property: Id(6)] Money CashOnDelivery,
    [property: Id(7)] Money ShippingFee);

[GenerateSerializer, Immutable]
public sealed record ShipmentTicket([property: Id(0)] Guid ShipmentId, [property: Id(1)] string Carrier, [property: Id(2)] string Waybill);

[GenerateSerializer, Immutable]
public sealed record ReportReceipt([property: Id(0)] ReportOutcome Outcome, [property: Id(1)] ShipmentStatus Status);
