using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Catalog;

public class OcopCertificateTests
{
    private static readonly DateOnly Issued = new(2024, 3, 1);

    [Theory]
    [InlineData(3, IssuingLevel.Province)]
    [InlineData(4, IssuingLevel.Province)]
    [InlineData(5, IssuingLevel.National)]
    public void Certificates_of_3_to_5_stars_at_the_right_level_are_accepted(int stars, IssuingLevel level)
    {
        var certificate = new OcopCertificate(stars, "123/QĐ-UBND", level, Issued, Issued.AddMonths(36));
        Assert.Equal(stars, certificate.Stars);
    }

    [Theory]
    [InlineData(2, IssuingLevel.Province, "ocop.stars_out_of_range")]
    [InlineData(6, IssuingLevel.National, "ocop.stars_out_of_range")]
    [InlineData(5, IssuingLevel.Province, "ocop.wrong_level")]
    [InlineData(4, IssuingLevel.National, "ocop.wrong_level")]
    public void Stars_and_level_must_agree(int stars, IssuingLevel level, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => new OcopCertificate(stars, "1", level, Issued, Issued.AddMonths(12))).Code);

    [Fact]
    public void Expiry_must_follow_issue_and_be_within_36_months()
    {
        Assert.Equal("ocop.expiry_before_issue",
            Assert.Throws<DomainException>(() => new OcopCertificate(3, "1", IssuingLevel.Province, Issued, Issued)).Code);
        Assert.Equal("ocop.validity_too_long",
            Assert.Throws<DomainException>(() => new OcopCertificate(3, "1", IssuingLevel.Province, Issued, Issued.AddMonths(36).AddDays(1))).Code);
    }

    [Fact]
    public void Certificate_is_valid_through_its_expiry_day_and_not_after()
    {
        var certificate = new OcopCertificate(4, "1", IssuingLevel.Province, Issued, new DateOnly(2027, 2, 28));
        Assert.False(certificate.IsValidOn(Issued.AddDays(-1)));
        Assert.True(certificate.IsValidOn(Issued));
        Assert.True(certificate.IsValidOn(new DateOnly(2027, 2, 28)));
        Assert.False(certificate.IsValidOn(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void A_product_with_an_expired_certificate_is_not_shown_as_certified()
    {
        var product = Builders.Product();
        product.Certify(new OcopCertificate(4, "1", IssuingLevel.Province, Issued, new DateOnly(2026, 1, 31)), Builders.Now);
        product.ConfirmCertificate(Builders.Now);
        Assert.True(product.HasValidOcopOn(new DateOnly(2026, 1, 31)));
        Assert.False(product.HasValidOcopOn(new DateOnly(2026, 2, 1)));
        Assert.NotNull(product.Certificate);
    }

    [Fact]
    public void A_certificate_shows_only_once_the_platform_has_checked_it_and_a_changed_one_waits_again()
    {
        var product = Builders.Product();
        var day = new DateOnly(2025, 6, 1);
        product.Certify(new OcopCertificate(4, "12/QĐ-UBND", IssuingLevel.Province, Issued, new DateOnly(2027, 2, 28)), Builders.Now);
        Assert.False(product.HasValidOcopOn(day));

        product.ConfirmCertificate(Builders.Now);
        product.Certify(new OcopCertificate(4, "12/QĐ-UBND", IssuingLevel.Province, Issued, new DateOnly(2027, 2, 28)), Builders.Now);
        Assert.True(product.HasValidOcopOn(day));

        product.Certify(new OcopCertificate(5, "12/QĐ-TTg", IssuingLevel.National, Issued, new DateOnly(2027, 2, 28)), Builders.Now);
        Assert.False(product.HasValidOcopOn(day));

        product.WithdrawCertificate(Builders.Now);
        Assert.Null(product.Certificate);
        Assert.Equal("ocop.none", Assert.Throws<DomainException>(() => product.ConfirmCertificate(Builders.Now)).Code);
    }
}
