using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Geography;

/// <summary>
/// One of the 3,321 commune-level units of 2025 (xã, phường, đặc khu), under its province. Reference data, loaded from
/// the seed; <see cref="Code"/> is the GSO unit code. Addresses keep the commune's name, checked against these.
/// </summary>
public sealed class Commune
{
    public Commune(string code, string provinceCode, string name)
    {
        Code = DomainText.Require(code, "commune.code", 10);
        ProvinceCode = DomainText.Require(provinceCode, "commune.province", 8);
        Name = DomainText.Require(name, "commune.name", 100);
    }

    public string Code { get; private set; }

    public string ProvinceCode { get; private set; }

    public string Name { get; private set; }
}
