using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Cart;

public enum CartLineProblem
{
    None,
    PriceChanged,
    NotEnoughStock,
    Unavailable,
}

public sealed record CartItem(CartLine Line, string Name, string Slug, Money Price, int Stock, CartLineProblem Problem)
{
    public Money Total => Price * Line.Quantity;
}

public sealed record CartGroup(Guid CooperativeId, string CooperativeName, IReadOnlyList<CartItem> Items, Money Subtotal, Money ShippingFee)
{
    public Money Total => Subtotal + ShippingFee;
}

public sealed record CartSummary(IReadOnlyList<CartGroup> Groups, IReadOnlyList<CartItem> Unavailable)
{
    public Money Total => Money.Sum(Groups.Select(g => g.Total));

    public bool IsEmpty => Groups.Count == 0 && Unavailable.Count == 0;

    public bool HasProblems => Unavailable.Count > 0 || Groups.Any(g => g.Items.Any(i => i.Problem != CartLineProblem.None));
}

/// <summary>The cart as the buyer sees it: current prices and stock from the database, grouped by cooperative, with shipping per order.</summary>
public sealed class CartPricing(RuralMarketDbContext db, ShippingFeeTable shipping)
{
    public async Task<CartSummary> PriceAsync(IReadOnlyList<CartLine> lines, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status == ProductStatus.Published
                && db.Cooperatives.Any(c => c.Id == p.CooperativeId && c.Verification == VerificationStatus.Verified))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var cooperativeIds = products.Values.Select(p => p.CooperativeId).Distinct().ToList();
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var unavailable = lines.Where(l => !products.ContainsKey(l.ProductId))
            .Select(l => new CartItem(l, string.Empty, string.Empty, Money.Zero, 0, CartLineProblem.Unavailable)).ToList();
        var groups = lines.Where(l => products.ContainsKey(l.ProductId))
            .Select(l =>
            {
                var product = products[l.ProductId];
                var problem = product.Stock < l.Quantity ? CartLineProblem.NotEnoughStock
                    : product.Price.Dong != l.PriceSeenDong ? CartLineProblem.PriceChanged
                    : CartLineProblem.None;
                return (product, item: new CartItem(l, product.Name, product.Slug, product.Price, product.Stock, problem));
            })
            .GroupBy(x => x.product.CooperativeId)
            .Select(g =>
            {
                var items = g.Select(x => x.item).ToList();
                var weight = g.Sum(x => (long)x.product.NetWeightGrams * x.item.Line.Quantity);
                return new CartGroup(g.Key, cooperatives[g.Key], items, Money.Sum(items.Select(i => i.Total)), shipping.FeeFor(weight));
            })
            .OrderBy(g => VietnameseText.Fold(g.CooperativeName), StringComparer.Ordinal)
            .ToList();
        return new CartSummary(groups, unavailable);
    }
}
