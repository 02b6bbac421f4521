using System.Security.Cryptography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.Partner;

/// <summary>
/// The platform's own postal partners (village post offices without an API): the waybill is ours, the fee is the one
/// the buyer paid, and the steps arrive through the partner portal and API rather than from a carrier's system.
/// </summary>
public sealed class PortalCarrier : ICarrier
{
    public const string Prefix = "RM";

    public string Code => "partner";

    public bool IsOn => true;

    public bool IsPolled => false;

    public Task<Money?> QuoteAsync(CarrierParcel parcel, CancellationToken cancellationToken) => Task.FromResult<Money?>(null);

    public Task<CarrierBooking> BookAsync(CarrierParcel parcel, CancellationToken cancellationToken) =>
        Task.FromResult(new CarrierBooking(NewWaybill(), "standard", parcel.ShippingFee));

    public Task CancelAsync(string waybill, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ShipmentReport>> FetchStepsAsync(string waybill, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ShipmentReport>>([]);

    /// <summary>RM and ten digits: short enough to read out over the phone and to type into a scan field.</summary>
    private static string NewWaybill() => Prefix + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
