using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Payments;

/// <summary>
/// One household's money, month by month in Vietnam's calendar: what it earned from each product (its shares of sales,
/// less refunds, as the ledger has them), what was paid out for it (its shares in payout runs marked paid, which the
/// platform pays to the cooperative to hand on), and what the cooperative recorded handing it.
/// </summary>
public sealed record HouseholdEarnings(IReadOnlyList<EarningsMonth> Months, IReadOnlyList<HouseholdHandover> Handovers)
{
    public long EarnedDong => Months.Sum(m => m.EarnedDong);

    public Money PaidOut => Money.Sum(Months.Select(m => m.PaidOut));

    public Money HandedOver => Money.Sum(Months.Select(m => m.HandedOver));

    /// <summary>Earned and not yet paid out: sales not settled yet, or settled and waiting for the next run.</summary>
    public Money Owed => Money.FromDong(Math.Max(0, EarnedDong - PaidOut.Dong));

    /// <summary>
    /// Paid out to the cooperative for the household and not yet handed to it; below zero when the cooperative paid the
    /// household ahead of the platform's payout.
    /// </summary>
    public long HeldDong => PaidOut.Dong - HandedOver.Dong;

    /// <summary>The month's handovers, voided ones included (shown struck through), newest first.</summary>
    public IEnumerable<HouseholdHandover> HandoversIn(DateOnly month) =>
        Handovers.Where(h => h.HandedOn.Year == month.Year && h.HandedOn.Month == month.Month);

    public EarningsMonth? Month(DateOnly month) => Months.FirstOrDefault(m => m.Month == month);

    public static async Task<HouseholdEarnings> OfAsync(RuralMarketDbContext db, Guid householdId, CancellationToken cancellationToken = default)
    {
        var account = LedgerEntry.Household(householdId);
        var sales = (await db.LedgerLines.AsNoTracking().Where(l => l.Account == account)
            .Select(l => new { l.Posting, l.PostedAt, l.ProductId, l.Side, l.Amount }).ToListAsync(cancellationToken))
            .Where(l => !Posting.IsPayout(l.Posting)).ToList();
        var payouts = await db.PayoutRuns.AsNoTracking().Where(r => r.Status == PayoutStatus.Paid)
            .SelectMany(r => r.Lines, (r, l) => new { r.PaidAt, l.Account, l.Amount }).Where(p => p.Account == account).ToListAsync(cancellationToken);
        var handovers = await db.HouseholdHandovers.AsNoTracking().Where(h => h.HouseholdId == householdId)
            .OrderByDescending(h => h.HandedOn).ThenByDescending(h => h.RecordedAt).ToListAsync(cancellationToken);
        var productIds = sales.Select(s => s.ProductId).Distinct().ToList();
        var names = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var earned = sales.GroupBy(s => (Month: MonthOf(s.PostedAt), s.ProductId))
            .Select(g => (g.Key.Month, Product: new ProductEarnings(g.Key.ProductId, names.GetValueOrDefault(g.Key.ProductId, "—"),
                -g.Sum(s => s.Side == "debit" ? s.Amount.Dong : -s.Amount.Dong))))
            .ToLookup(e => e.Month, e => e.Product);
        var paid = payouts.ToLookup(p => MonthOf(p.PaidAt!.Value), p => p.Amount);
        var handed = handovers.Where(h => !h.IsVoided).ToLookup(h => new DateOnly(h.HandedOn.Year, h.HandedOn.Month, 1), h => h.Amount);
        var months = earned.Select(g => g.Key).Union(paid.Select(g => g.Key)).Union(handed.Select(g => g.Key)).OrderDescending()
            .Select(month => new EarningsMonth(month, [.. earned[month].OrderByDescending(p => p.EarnedDong)], Money.Sum(paid[month]), Money.Sum(handed[month])))
            .ToList();
        return new HouseholdEarnings(months, handovers);
    }

    private static DateOnly MonthOf(DateTimeOffset at)
    {
        var local = at.ToOffset(VietnamCalendar.Offset);
        return new DateOnly(local.Year, local.Month, 1);
    }
}

/// <summary>One month: earned per product (negative when a refund came after the month's sales), paid out, and handed to the household.</summary>
public sealed record EarningsMonth(DateOnly Month, IReadOnlyList<ProductEarnings> Products, Money PaidOut, Money HandedOver)
{
    public long EarnedDong => Products.Sum(p => p.EarnedDong);
}

public sealed record ProductEarnings(Guid ProductId, string ProductName, long EarnedDong);
