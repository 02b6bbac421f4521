using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>Who issued an OCOP certificate: 3★ and 4★ are certified by the province, 5★ nationally (Decision 148/QĐ-TTg).</summary>
public enum IssuingLevel
{
    Province,
    National,
}

/// <summary>
/// An OCOP (Mỗi xã một sản phẩm) certificate: 3 to 5 stars, valid at most 36 months.
/// An expired certificate still exists (it is history) but <see cref="IsValidOn"/> says it no longer counts.
/// </summary>
public sealed class OcopCertificate
{
    public const int ValidityMonths = 36;

    /// <summary>How many days before expiry the cooperative, the admin and buyers are warned.</summary>
    public const int WarningDays = 60;

    private OcopCertificate()
    {
        Number = string.Empty;
    }

    public OcopCertificate(int stars, string number, IssuingLevel level, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (stars is < 3 or > 5)
        {
            throw new DomainException("ocop.stars_out_of_range", $"OCOP stars must be 3 to 5, not {stars}.");
        }
        var expectedLevel = LevelFor(stars);
        if (level != expectedLevel)
        {
            throw new DomainException("ocop.wrong_level", $"A {stars}-star certificate is issued at {expectedLevel} level, not {level}.");
        }
        if (expiresOn <= issuedOn)
        {
            throw new DomainException("ocop.expiry_before_issue", "A certificate must expire after it is issued.");
        }
        if (expiresOn > issuedOn.AddMonths(ValidityMonths))
        {
            throw new DomainException("ocop.validity_too_long", $"A certificate is valid at most {ValidityMonths} months.");
        }
        Stars = stars;
        Number = DomainText.Require(number, "ocop.number", 50);
        Level = level;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public int Stars { get; private set; }

    public string Number { get; private set; }

    public IssuingLevel Level { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    /// <summary>Who issues a certificate of this many stars.</summary>
    public static IssuingLevel LevelFor(int stars) => stars == 5 ? IssuingLevel.National : IssuingLevel.Province;

    /// <summary>Not yet expired on <paramref name="day"/>, but expiring within <see cref="WarningDays"/>.</summary>
    public bool ExpiresSoonOn(DateOnly day) => day <= ExpiresOn && ExpiresOn <= day.AddDays(WarningDays);

    public bool SameAs(OcopCertificate other) =>
        Stars == other.Stars && Number == other.Number && Level == other.Level && IssuedOn == other.IssuedOn && ExpiresOn == other.ExpiresOn;

    public bool IsValidOn(DateOnly day) => day >= IssuedOn && day <= ExpiresOn;
}
