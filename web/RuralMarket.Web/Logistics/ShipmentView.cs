using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;

namespace RuralMarket.Web.Logistics;

/// <summary>A parcel as pages show it: who carries it, its waybill, and its history.</summary>
public sealed record ShipmentView(Shipment Shipment, string PartnerName)
{
    /// <summary>The steps that moved the timeline, oldest first: what buyers and cooperatives see.</summary>
    public IEnumerable<ShipmentEvent> Timeline => Shipment.Events.Where(e => e.Outcome == ReportOutcome.Applied).OrderBy(e => e.Sequence);

    /// <summary>The parcel booked for an order, or null before one is (or after its booking was cancelled).</summary>
    public static async Task<ShipmentView?> OfOrderAsync(RuralMarketDbContext db, Guid? shipmentId, CancellationToken cancellationToken)
    {
        if (shipmentId is not { } id)
        {
            return null;
        }
        return await (from s in db.Shipments.AsNoTracking()
                      join p in db.PostalPartners.AsNoTracking() on s.PartnerId equals p.Id
                      where s.Id == id
                      select new ShipmentView(s, p.Name)).SingleOrDefaultAsync(cancellationToken);
    }
}
