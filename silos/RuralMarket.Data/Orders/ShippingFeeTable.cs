using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Orders;

/// <summary>The configured per-weight shipping fee. The logistics work replaces it with carrier quotes.</summary>
public sealed class ShippingFeeTable(IOptions<OrderOptions> options)
{
    public Money FeeFor(long weightGrams)
    {
        var tiers = options.Value.ShippingTiers.OrderBy(t => t.UpToGrams).ToList();
        var tier = tiers.FirstOrDefault(t => weightGrams <= t.UpToGrams);
        if (tier is not null)
        {
            return Money.FromDong(tier.FeeDong);
        }
        var heaviest = tiers[^1];
        var extraKilograms = (weightGrams - heaviest.UpToGrams + 999) / 1000;
        return Money.FromDong(heaviest.FeeDong + extraKilograms * options.Value.PerExtraKilogramDong);
    }
}
