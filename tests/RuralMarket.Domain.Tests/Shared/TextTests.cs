using System.Text;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Shared;

public class TextTests
{
    [Fact]
    public void Decomposed_input_is_stored_precomposed()
    {
        var decomposed = "Miến dong".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Miến dong", decomposed);
        Assert.Equal("Miến dong", DomainText.Require(decomposed, "name", 50));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Required_text_refuses_blank(string? value) =>
        Assert.Equal("name.required", Assert.Throws<DomainException>(() => DomainText.Require(value, "name", 50)).Code);

    [Fact]
    public void Text_over_the_limit_and_control_characters_are_refused()
    {
        Assert.Equal("name.too_long", Assert.Throws<DomainException>(() => DomainText.Require(new string('a', 51), "name", 50)).Code);
        Assert.Equal("name.invalid_text", Assert.Throws<DomainException>(() => DomainText.Require("a\u0000b", "name", 50)).Code);
        Assert.Equal("name.invalid_text", Assert.Throws<DomainException>(() => DomainText.Require("a\uD800b", "name", 50)).Code);
    }

    [Theory]
    [InlineData("Miến dong Vi Hương", "mien-dong-vi-huong")]
    [InlineData("Đặc sản ĐỒNG THÁP", "dac-san-dong-thap")]
    [InlineData("  Mật ong rừng (500 ml)!  ", "mat-ong-rung-500-ml")]
    public void Slugs_fold_vietnamese_to_ascii(string name, string slug) => Assert.Equal(slug, Slug.FromName(name));

    [Theory]
    [InlineData("Mien-Dong")]
    [InlineData("-mien")]
    [InlineData("mien dong")]
    [InlineData("")]
    public void Invalid_slugs_are_refused(string slug) => Assert.Throws<DomainException>(() => Slug.Require(slug));
}
