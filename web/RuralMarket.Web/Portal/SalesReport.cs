using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Portal;

public sealed record WeekSales(DateOnly Monday, int Orders, Money Revenue);

public sealed record ProductSales(string Name, int Quantity, Money Revenue);

public sealed record HouseholdSales(string HeadName, Money Earned);

/// <summary>A cooperative's sales over whole weeks (Monday to Sunday, Vietnam time), goods only: shipping is the carrier's.</summary>
public sealed record SalesReport(IReadOnlyList<WeekSales> Weeks, IReadOnlyList<ProductSales> TopProducts, IReadOnlyList<HouseholdSales> Households)
{
    public Money Revenue => Money.Sum(Weeks.Select(w => w.Revenue));

    public int Orders => Weeks.Sum(w => w.Orders);
}

/// <summary>
/// Builds the dashboard's figures from the orders themselves. An order counts from the moment it is placed until it is
/// cancelled, fails delivery or comes back. Each sale is divided among households by the product's current shares.
/// </summary>
public sealed class SalesReports(RuralMarketDbContext db, TimeProvider clock)
{
    public const int TopProductCount = 5;

    private static readonly OrderStatus[] NotSold = [OrderStatus.Cancelled, OrderStatus.DeliveryFailed, OrderStatus.Returned];

    public async Task<SalesReport> ForAsync(Guid cooperativeId, int weeks, CancellationToken cancellationToken)
    {
        var thisMonday = MondayOf(VietnamCalendar.Today(clock));
        var firstMonday = thisMonday.AddDays(-7 * (weeks - 1));
        var from = new DateTimeOffset(firstMonday.ToDateTime(TimeOnly.MinValue), VietnamCalendar.Offset);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CooperativeId == cooperativeId && o.PlacedAt >= from && !NotSold.Contains(o.Status))
            .ToListAsync(cancellationToken);

        var byWeek = orders.GroupBy(o => MondayOf(DateOnly.FromDateTime(o.PlacedAt.ToOffset(VietnamCalendar.Offset).DateTime))).ToDictionary(g => g.Key, g => (Count: g.Count(), Revenue: Money.Sum(g.Select(o => o.Subtotal))));
        var weekRows = Enumerable.Range(0, weeks).Select(i => firstMonday.AddDays(7 * i))
            .Select(monday => byWeek.TryGetValue(monday, out var week) ? new WeekSales(monday, week.Count, week.Revenue) : new WeekSales(monday, 0, Money.Zero))
            .ToList();

        var lines = orders.SelectMany(o => o.Lines).ToList();
        var top = lines.GroupBy(l => l.ProductId)
            .Select(g => new ProductSales(g.First().ProductName, g.Sum(l => l.Quantity), Money.Sum(g.Select(l => l.Total))))
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.Name, StringComparer.Ordinal).Take(TopProductCount).ToList();

        return new SalesReport(weekRows, top, await HouseholdsAsync(cooperativeId, lines, cancellationToken));
    }

    private async Task<IReadOnlyList<HouseholdSales>> HouseholdsAsync(Guid cooperativeId, List<OrderLine> lines, CancellationToken cancellationToken)
    {
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var producers = (await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Producers })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => p.Producers);
        var names = (await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == cooperativeId, cancellationToken))
            .Households.ToDictionary(h => h.Id, h => h.HeadName);
        var earned = new Dictionary<Guid, Money>();
        foreach (var line in lines.Where(l => producers.TryGetValue(l.ProductId, out var shares) && shares.Count > 0))
        {
            foreach (var (householdId, amount) in SalesSplit.Divide(line.Total, producers[line.ProductId]))
            {
                earned[householdId] = earned.GetValueOrDefault(householdId) + amount;
            }
        }
        return earned.Where(e => names.ContainsKey(e.Key))
            .Select(e => new HouseholdSales(names[e.Key], e.Value))
            .OrderByDescending(h => h.Earned).ThenBy(h => h.HeadName, StringComparer.Ordinal).ToList();
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
