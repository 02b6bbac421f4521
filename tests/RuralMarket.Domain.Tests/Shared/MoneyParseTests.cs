using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Shared;

public class MoneyParseTests
{
    [Theory]
    [InlineData("150000", 150_000)]
    [InlineData("150.000", 150_000)]
    [InlineData(" 150 000 ₫ ", 150_000)]
    [InlineData("150,000đ", 150_000)]
    [InlineData("1.000.000.000", 1_000_000_000)]
    [InlineData("85.000\u00A0₫", 85_000)]
    public void Amounts_are_read_as_people_write_them(string text, long dong) =>
        Assert.Equal(Money.FromDong(dong), Money.Parse(text, "price"));

    [Theory]
    [InlineData("1,5", "price.invalid")]
    [InlineData("1.50", "price.invalid")]
    [InlineData("-5000", "price.invalid")]
    [InlineData("12a", "price.invalid")]
    [InlineData("99999999999999999999", "price.invalid")]
    [InlineData("  ", "price.required")]
    public void Anything_else_is_refused_rather_than_guessed(string text, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => Money.Parse(text, "price")).Code);
}
