using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Data.Orders;

/// <summary>What a product page shows of its reviews: the average of those not hidden, their count, and the latest.</summary>
public sealed record ProductReviews(int Count, int AverageTenths, IReadOnlyList<OrderReview> Latest)
{
    public const int Shown = 5;

    public static readonly ProductReviews None = new(0, 0, []);

    /// <summary>The average in tenths of a star (47 is 4,7), rounded half up, so no floating point reaches the page.</summary>
    public static async Task<ProductReviews> OfAsync(RuralMarketDbContext db, Guid productId, CancellationToken cancellationToken = default)
    {
        var visible = db.Orders.AsNoTracking().SelectMany(o => o.Reviews).Where(r => r.ProductId == productId && r.HiddenAt == null);
        var totals = await visible.GroupBy(r => 1).Select(g => new { Count = g.Count(), Stars = g.Sum(r => r.Rating) }).SingleOrDefaultAsync(cancellationToken);
        if (totals is null)
        {
            return None;
        }
        var latest = await visible.OrderByDescending(r => r.CreatedAt).Take(Shown).ToListAsync(cancellationToken);
        return new ProductReviews(totals.Count, (int)((totals.Stars * 10L * 2 + totals.Count) / (2L * totals.Count)), latest);
    }
}
