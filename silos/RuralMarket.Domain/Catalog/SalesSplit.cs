using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>
/// Divides a sale among a product's producing households by their shares, in whole đồng. Each household gets the
/// floor of its share; the few đồng left by rounding go to the largest shares first, so the parts always add up to
/// the sale exactly and no household is credited money that was never paid.
/// </summary>
public static class SalesSplit
{
    public static IReadOnlyList<(Guid HouseholdId, Money Amount)> Divide(Money sale, IReadOnlyCollection<ProducerShare> shares)
    {
        ProducerShare.RequireComplete(shares);
        var parts = shares.Select(s => (s.HouseholdId, s.Percent, Dong: sale.Dong / 100 * s.Percent + sale.Dong % 100 * s.Percent / 100)).ToList();
        var left = sale.Dong - parts.Sum(p => p.Dong);
        var byShare = parts.Select((p, index) => (p.Percent, index)).OrderByDescending(p => p.Percent).ThenBy(p => p.index).ToList();
        for (var i = 0; left > 0; i = (i + 1) % byShare.Count, left--)
        {
            var index = byShare[i].index;
            parts[index] = parts[index] with { Dong = parts[index].Dong + 1 };
        }
        return parts.Select(p => (p.HouseholdId, Money.FromDong(p.Dong))).ToList();
    }
}
