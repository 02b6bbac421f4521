using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics;
using RuralMarket.Logistics.Quotes;

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

/// <summary>One cooperative's part of the cart: its own order and parcel. <see cref="QuotedBy"/> names the carrier whose quote the fee is; null for the weight table.</summary>
public sealed record CartGroup(Guid CooperativeId, string CooperativeName, IReadOnlyList<CartItem> Items, Money Subtotal, Money ShippingFee,
    string? QuotedBy = null)
{
    public Money Total => Subtotal + ShippingFee;
}

public sealed record CartSummary(IReadOnlyList<CartGroup> Groups, IReadOnlyList<CartItem> Unavailable)
{
    public Money Total => Money.Sum(Groups.Select(g => g.Total));

    public bool IsEmpty => Groups.Count == 0 && Unavailable.Count == 0;

    public bool HasProblems => Unavailable.Count > 0 || Groups.Any(g => g.Items.Any(i => i.Problem != CartLineProblem.None));
}

/// <summary>
/// The cart as the buyer sees it: current prices and stock from the database, grouped by cooperative, with shipping per
/// order. Without a delivery address the weight table prices each parcel; with one, the checkout carrier's quote does
/// when it answers in time (<see cref="CarrierQuotes"/>), and the weight table when it does not.
/// </summary>
public sealed class CartPricing(RuralMarketDbContext db, ShippingFeeTable shipping, CarrierQuotes quotes)
{
    /// <summary>Whether a carrier's quote may replace the weight table's fee once the address is known.</summary>
    public bool QuotesByCarrier => quotes.IsOn;

    public async Task<CartSummary> PriceAsync(IReadOnlyList<CartLine> lines, CancellationToken cancellationToken, OrderRecipient? deliverTo = null)
    {
        var ids = lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status == ProductStatus.Published
                && db.Cooperatives.Any(c => c.Id == p.CooperativeId && c.Verification == VerificationStatus.Verified))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var cooperativeIds = products.Values.Select(p => p.CooperativeId).Distinct().ToList();
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.ContactPhone, c.Address })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

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
                return (Weight: weight, Group: new CartGroup(g.Key, cooperatives[g.Key].Name, items, Money.Sum(items.Select(i => i.Total)), shipping.FeeFor(weight)));
            })
            .OrderBy(g => VietnameseText.Fold(g.Group.CooperativeName), StringComparer.Ordinal)
            .ToList();
        if (deliverTo is null || !quotes.IsOn || groups.Count == 0)
        {
            return new CartSummary([.. groups.Select(g => g.Group)], unavailable);
        }
        var provinceCodes = cooperatives.Values.Select(c => c.Address.ProvinceCode).Append(deliverTo.Address.ProvinceCode).Distinct().ToList();
        var provinces = await db.Provinces.AsNoTracking().Where(p => provinceCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        CarrierParty Party(ParcelEnd end) => new(end, provinces.GetValueOrDefault(end.Address.ProvinceCode, end.Address.ProvinceCode));
        var recipient = Party(new ParcelEnd(deliverTo.Contact.Name, deliverTo.Contact.Phone, deliverTo.Address));
        var quoted = await Task.WhenAll(groups.Select(async g =>
        {
            var cooperative = cooperatives[g.Group.CooperativeId];
            var sender = Party(new ParcelEnd(cooperative.Name, cooperative.ContactPhone, cooperative.Address));
            return await quotes.QuoteAsync(sender, recipient, g.Weight, g.Group.Subtotal, cancellationToken) is { } quote
                ? g.Group with { ShippingFee = quote.Fee, QuotedBy = quote.Carrier }
                : g.Group;
        }));
        return new CartSummary(quoted, unavailable);
    }
}
