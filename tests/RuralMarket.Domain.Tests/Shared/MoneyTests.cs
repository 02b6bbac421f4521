using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Shared;

public class MoneyTests
{
    [Theory]
    [InlineData(0, "0\u00A0₫")]
    [InlineData(999, "999\u00A0₫")]
    [InlineData(150_000, "150.000\u00A0₫")]
    [InlineData(1_250_000, "1.250.000\u00A0₫")]
    public void ToString_uses_vietnamese_grouping_and_dong_sign(long dong, string expected) =>
        Assert.Equal(expected, Money.FromDong(dong).ToString());

    [Fact]
    public void Arithmetic_is_exact_in_whole_dong()
    {
        var price = Money.FromDong(85_000);
        Assert.Equal(Money.FromDong(285_000), price * 3 + Money.FromDong(30_000));
        Assert.Equal(Money.FromDong(55_000), price - Money.FromDong(30_000));
        Assert.Equal(Money.FromDong(170_000), Money.Sum([price, price]));
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => Money.FromDong(10) - Money.FromDong(11));
        Assert.Equal("money.negative", error.Code);
        Assert.Throws<DomainException>(() => Money.FromDong(-1));
    }

    [Fact]
    public void Overflow_throws_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => Money.FromDong(long.MaxValue) * 2);
}
