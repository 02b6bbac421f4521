using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuralMarket.Data;
using RuralMarket.Data.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Logistics.Labels;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Logistics;

/// <summary>Labels and pickup sheets as files for the portals: the parcels' province names looked up, the words in the reader's language.</summary>
public sealed class ParcelLabelFiles(RuralMarketDbContext db, ParcelLabels labels, IStringLocalizer<SharedResource> text)
{
    public const string ContentType = "application/pdf";

    /// <summary>The parcel's label, with the QR of its first packed batch's trace page on <paramref name="site"/>.</summary>
    public async Task<(byte[] Pdf, string Name)> LabelAsync(Shipment shipment, string carrierName, Uri site, CancellationToken cancellationToken)
    {
        var parcel = await ParcelAsync(shipment, carrierName, cancellationToken);
        var code = await db.Orders.AsNoTracking().Where(o => o.Id == shipment.OrderId).SelectMany(o => o.Lines)
            .Where(l => l.TraceCode != null).Select(l => l.TraceCode).FirstOrDefaultAsync(cancellationToken);
        return (labels.Label(code is null ? parcel : parcel with { TraceUrl = TraceLinks.Of(site, code) }, Words()), $"nhan-{shipment.Waybill}.pdf");
    }

    public async Task<(byte[] Pdf, string Name)> PickupSheetAsync(string partnerName, IReadOnlyList<Shipment> shipments, DateOnly day, CancellationToken cancellationToken)
    {
        var parcels = new List<LabelParcel>(shipments.Count);
        foreach (var shipment in shipments)
        {
            parcels.Add(await ParcelAsync(shipment, partnerName, cancellationToken));
        }
        return (labels.PickupSheet(partnerName, parcels, Words(), day), $"bang-lay-hang-{day:yyyy-MM-dd}.pdf");
    }

    private async Task<LabelParcel> ParcelAsync(Shipment s, string carrierName, CancellationToken cancellationToken) =>
        new(s.Waybill, carrierName, s.OrderCode, s.Sender, await db.Provinces.NameOfAsync(s.Sender.Address.ProvinceCode, cancellationToken),
            s.Recipient, await db.Provinces.NameOfAsync(s.Recipient.Address.ProvinceCode, cancellationToken), s.Parcel.WeightGrams, s.CashOnDelivery, s.BookedAt);

    private LabelWording Words() => new(text["label.from"], text["label.to"], text["label.collect"], text["label.nothing_to_collect"], text["label.weight"],
        text["label.order"], text["label.trace"], text["label.pickup_sheet"], text["label.signature"]);
}
