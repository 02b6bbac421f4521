using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Data.Orders;

/// <summary>A review with the order and product it is about, for the cooperative's and the admin's lists.</summary>
public sealed record ReviewRow(Guid OrderId, string OrderCode, Guid CooperativeId, string ProductName, OrderReview Review);

public static class RecentReviews
{
    public const int Shown = 100;

    /// <summary>The newest reviews, hidden ones included, of one cooperative (or of every cooperative when null).</summary>
    public static async Task<IReadOnlyList<ReviewRow>> OfAsync(RuralMarketDbContext db, Guid? cooperativeId, CancellationToken cancellationToken = default)
    {
        var orders = db.Orders.AsNoTracking().Where(o => cooperativeId == null || o.CooperativeId == cooperativeId);
        var rows = await orders.SelectMany(o => o.Reviews, (o, r) => new { o.Id, o.Code, o.CooperativeId, Review = r })
            .OrderByDescending(x => x.Review.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        var productIds = rows.Select(r => r.Review.ProductId).Distinct().ToList();
        var names = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return [.. rows.Select(r => new ReviewRow(r.Id, r.Code, r.CooperativeId, names.GetValueOrDefault(r.Review.ProductId, "—"), r.Review))];
    }
}
