using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Cooperatives;

/// <summary>A member household (xã viên / hộ) of a cooperative. Many have no smartphone, so a phone is optional.</summary>
public sealed class Household
{
    private Household()
    {
        HeadName = Village = Produces = Phone = string.Empty;
    }

    internal Household(Guid id, string headName, string village, string produces, string? phone)
    {
        Id = id;
        HeadName = DomainText.Require(headName, "household.head_name", 100);
        Village = DomainText.Optional(village, "household.village", 100);
        Produces = DomainText.Optional(produces, "household.produces", 200);
        Phone = DomainText.Optional(phone, "household.phone", 20);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string HeadName { get; private set; }

    public string Village { get; private set; }

    public string Produces { get; private set; }

    public string Phone { get; private set; }

    public bool IsActive { get; private set; }

    internal void Deactivate() => IsActive = false;
}
