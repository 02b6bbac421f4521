using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Geography;

public enum ProvinceKind
{
    Province,
    CentralCity,
}

/// <summary>One of the 34 province-level units of 2025. Reference data, loaded from the seed catalogue.</summary>
public sealed class Province
{
    public Province(string code, string name, ProvinceKind kind)
    {
        Code = DomainText.Require(code, "province.code", 8);
        Name = DomainText.Require(name, "province.name", 100);
        Kind = kind;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public ProvinceKind Kind { get; private set; }
}
