using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Geography;

/// <summary>
/// A Vietnamese address in the two-level form in force since 1 July 2025 (Resolution 202/2025/QH15):
/// province or centrally run city → commune or ward → street. There is no district level.
/// Whether the province code and commune exist is checked at the boundary against the seeded units.
/// </summary>
public sealed record Address
{
    public Address(string provinceCode, string commune, string street)
    {
        ProvinceCode = ProvinceOf(provinceCode);
        Commune = CommuneOf(commune);
        Street = StreetOf(street);
    }

    /// <summary>Every rule these values break, not only the first: what the constructor would refuse.</summary>
    public static IReadOnlyList<DomainException> Problems(string provinceCode, string commune, string street) =>
        DomainRules.Broken(() => ProvinceOf(provinceCode), () => CommuneOf(commune), () => StreetOf(street));

    private static string ProvinceOf(string provinceCode) => DomainText.Require(provinceCode, "address.province", 8);

    /// <summary>The commune as an address would hold it (trimmed, NFC), or a refusal.</summary>
    public static string CommuneOf(string commune) => DomainText.Require(commune, "address.commune", 100);

    private static string StreetOf(string street) => DomainText.Require(street, "address.street", 200);

    public string ProvinceCode { get; }

    public string Commune { get; }

    public string Street { get; }
}
