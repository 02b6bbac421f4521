using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics;

/// <summary>
/// What the platform asks of a carrier: a fee for a parcel, a booking, a cancellation, the parcel's steps so far.
/// Each adapter speaks its carrier's own API; the shipment grain speaks only this.
/// </summary>
public interface ICarrier
{
    /// <summary>The adapter's name, as <c>shipments.carrier</c> and the partner's record keep it.</summary>
    string Code { get; }

    /// <summary>Whether configuration switched the adapter on; one that is off books nothing and quotes nothing.</summary>
    bool IsOn { get; }

    /// <summary>Whether open parcels are polled for their steps (a carrier without webhooks, or as a backstop for missed ones).</summary>
    bool IsPolled { get; }

    /// <summary>The carrier's fee for the parcel, or null when it does not quote (the weight table applies).</summary>
    Task<Money?> QuoteAsync(CarrierParcel parcel, CancellationToken cancellationToken);

    Task<CarrierBooking> BookAsync(CarrierParcel parcel, CancellationToken cancellationToken);

    Task CancelAsync(string waybill, CancellationToken cancellationToken);

    /// <summary>The steps the carrier reports for a waybill, oldest first (carriers without webhooks are polled).</summary>
    Task<IReadOnlyList<ShipmentReport>> FetchStepsAsync(string waybill, CancellationToken cancellationToken);
}

/// <summary>A parcel as a carrier is asked to take it.</summary>
public sealed record CarrierParcel(string OrderCode, Parcel Parcel, CarrierParty Sender, CarrierParty Recipient, Money CashOnDelivery, Money ShippingFee);

/// <summary>One end of the parcel with its province's name, which carriers' APIs want where we keep a code.</summary>
public sealed record CarrierParty(ParcelEnd End, string ProvinceName);

/// <summary>What a carrier answered a booking with.</summary>
public sealed record CarrierBooking(string Waybill, string Service, Money Fee);

/// <summary>A carrier refused or could not be reached; the message is the carrier's, for logs and the admin.</summary>
public sealed class CarrierException(string carrier, string message, Exception? inner = null)
    : Exception($"{carrier}: {message}", inner)
{
    public string Carrier { get; } = carrier;
}
