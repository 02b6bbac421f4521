using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Logistics;

/// <summary>What is wrong with one waybill's cash.</summary>
public enum CodMismatch
{
    /// <summary>Delivered with cash to collect, and not remitted within <see cref="CodReconciliation.RemittanceDue"/>.</summary>
    Missing,

    /// <summary>Remitted plus fee is less than what was collected.</summary>
    Short,

    /// <summary>Remitted for a waybill with no delivered cash, or more than was collected.</summary>
    Extra,

    /// <summary>The waybill appears on more than one remittance line.</summary>
    RemittedTwice,

    /// <summary>The carrier collected less at the door than the order's total.</summary>
    CollectedShort,
}

/// <summary>One waybill's cash: what the order asked, what was collected, remitted and netted, and what does not add up.</summary>
public sealed record CodItem(
    string Waybill, Guid PartnerId, Guid? CooperativeId, string? OrderCode, Money Expected, Money Collected, Money Remitted, Money Fees,
    IReadOnlyList<string> References, DateTimeOffset? DeliveredAt, IReadOnlyList<CodMismatch> Mismatches)
{
    public bool Settled => Mismatches.Count == 0 && References.Count == 1;

    public bool Awaiting => Mismatches.Count == 0 && References.Count == 0;
}

/// <summary>Sums for one partner or one cooperative.</summary>
public sealed record CodTotals(Guid Id, Money Expected, Money Collected, Money Remitted, Money Fees, int Settled, int Awaiting, int Mismatched);

public sealed record CodReport(IReadOnlyList<CodItem> Items)
{
    public IReadOnlyList<CodItem> Mismatches => Items.Where(i => i.Mismatches.Count > 0).ToList();

    public IReadOnlyList<CodTotals> ByPartner => Totals(Items.GroupBy(i => i.PartnerId));

    public IReadOnlyList<CodTotals> ByCooperative => Totals(Items.Where(i => i.CooperativeId is not null).GroupBy(i => i.CooperativeId!.Value));

    private static List<CodTotals> Totals(IEnumerable<IGrouping<Guid, CodItem>> groups) =>
        groups.Select(g => new CodTotals(g.Key, Money.Sum(g.Select(i => i.Expected)), Money.Sum(g.Select(i => i.Collected)),
                Money.Sum(g.Select(i => i.Remitted)), Money.Sum(g.Select(i => i.Fees)),
                g.Count(i => i.Settled), g.Count(i => i.Awaiting), g.Count(i => i.Mismatches.Count > 0)))
            .ToList();
}

/// <summary>
/// Đối soát COD: matches every remittance line against the delivered cash-on-delivery parcels of the same partner.
/// A read of our tables; it changes nothing, so every mismatch stays visible until the money itself is put right.
/// </summary>
public sealed class CodReconciliation(RuralMarketDbContext db, TimeProvider clock)
{
    /// <summary>Carriers remit on weekdays or 2–3 times a week: a week without remitting a delivered parcel's cash is a mismatch.</summary>
    public static readonly TimeSpan RemittanceDue = TimeSpan.FromDays(7);

    public async Task<CodReport> ReportAsync(Guid? partnerId, CancellationToken cancellationToken)
    {
        var parcels = await db.Shipments.AsNoTracking()
            .Where(s => partnerId == null || s.PartnerId == partnerId)
            .Where(s => (s.Status == ShipmentStatus.Delivered && s.CashOnDelivery != Money.Zero) || (s.CashCollected != null && s.CashCollected != Money.Zero))
            .Select(s => new { s.Waybill, s.PartnerId, s.CooperativeId, s.OrderCode, s.Status, s.CashOnDelivery, s.CashCollected, s.LastStepAt })
            .ToListAsync(cancellationToken);
        var lines = await (from r in db.Remittances.AsNoTracking()
                           where partnerId == null || r.PartnerId == partnerId
                           from l in r.Lines
                           select new { r.PartnerId, r.Reference, l.Waybill, l.Amount, l.Fee })
            .ToListAsync(cancellationToken);
        var byWaybill = lines.ToLookup(l => (l.PartnerId, l.Waybill));
        var now = clock.GetUtcNow();
        var items = parcels.Select(p =>
        {
            var remitted = byWaybill[(p.PartnerId, p.Waybill)].ToList();
            var delivered = p.Status == ShipmentStatus.Delivered;
            var expected = delivered ? p.CashOnDelivery : Money.Zero;
            return Item(p.Waybill, p.PartnerId, p.CooperativeId, p.OrderCode, expected, p.CashCollected ?? Money.Zero,
                Money.Sum(remitted.Select(r => r.Amount)), Money.Sum(remitted.Select(r => r.Fee)), remitted.Select(r => r.Reference).ToList(),
                delivered ? p.LastStepAt : null, now);
        }).ToList();
        var known = parcels.Select(p => (p.PartnerId, p.Waybill)).ToHashSet();
        items.AddRange(byWaybill.Where(g => !known.Contains(g.Key)).Select(g => Item(g.Key.Waybill, g.Key.PartnerId, null, null, Money.Zero,
            Money.Zero, Money.Sum(g.Select(r => r.Amount)), Money.Sum(g.Select(r => r.Fee)), g.Select(r => r.Reference).ToList(), null, now)));
        return new CodReport(items.OrderBy(i => i.Waybill, StringComparer.Ordinal).ToList());
    }

    private static CodItem Item(string waybill, Guid partnerId, Guid? cooperativeId, string? orderCode, Money expected, Money collected,
        Money remitted, Money fees, IReadOnlyList<string> references, DateTimeOffset? deliveredAt, DateTimeOffset now)
    {
        var mismatches = new List<CodMismatch>();
        if (collected < expected)
        {
            mismatches.Add(CodMismatch.CollectedShort);
        }
        if (references.Count == 0)
        {
            if (expected > Money.Zero && deliveredAt is { } at && now - at > RemittanceDue)
            {
                mismatches.Add(CodMismatch.Missing);
            }
        }
        else if (references.Count > 1)
        {
            mismatches.Add(CodMismatch.RemittedTwice);
        }
        else if (collected == Money.Zero || remitted + fees > collected)
        {
            mismatches.Add(CodMismatch.Extra);
        }
        else if (remitted + fees < collected)
        {
            mismatches.Add(CodMismatch.Short);
        }
        return new CodItem(waybill, partnerId, cooperativeId, orderCode, expected, collected, remitted, fees, references, deliveredAt, mismatches);
    }
}
