using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Catalog;

public class SalesSplitTests
{
    private static readonly Guid Thu = Guid.NewGuid();
    private static readonly Guid Mai = Guid.NewGuid();
    private static readonly Guid Den = Guid.NewGuid();

    [Fact]
    public void A_sale_is_divided_by_share_in_whole_dong()
    {
        var parts = SalesSplit.Divide(Money.FromDong(170_000), [new ProducerShare(Thu, 60), new ProducerShare(Mai, 40)]);

        Assert.Equal([(Thu, Money.FromDong(102_000)), (Mai, Money.FromDong(68_000))], parts);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(85_001)]
    [InlineData(999_999_999_999)]
    public void The_parts_always_add_up_to_the_sale_and_rounding_goes_to_the_largest_share(long dong)
    {
        var percent = new Dictionary<Guid, int> { [Thu] = 33, [Mai] = 34, [Den] = 33 };

        var parts = SalesSplit.Divide(Money.FromDong(dong), [.. percent.Select(p => new ProducerShare(p.Key, p.Value))]);

        Assert.Equal(dong, parts.Sum(p => p.Amount.Dong));
        Assert.True(parts.Single(p => p.HouseholdId == Mai).Amount >= parts.Single(p => p.HouseholdId == Thu).Amount);
        // Each part is its exact share rounded down or up, never more than one đồng away.
        Assert.All(parts, p => Assert.InRange(p.Amount.Dong * 100 - dong * percent[p.HouseholdId], -99, 100));
    }
}
