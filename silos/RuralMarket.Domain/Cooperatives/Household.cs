using RuralMarket.Domain.Orders;
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
        HeadName = Village = Produces = Phone = string.Empty;
        Revise(headName, village, produces, phone);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string HeadName { get; private set; }

    public string Village { get; private set; }

    public string Produces { get; private set; }

    public string Phone { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>All fields are checked before any is changed, so a bad edit leaves the household as it was.</summary>
    internal void Revise(string headName, string village, string produces, string? phone)
    {
        var head = DomainText.Require(headName, "household.head_name", 100);
        var hamlet = DomainText.Optional(village, "household.village", 100);
        var makes = DomainText.Optional(produces, "household.produces", 200);
        var number = DomainText.Optional(phone, "household.phone", 20);
        var phoneNumber = number.Length == 0 ? string.Empty : VietnamesePhone.Normalize(number, "household.phone");
        (HeadName, Village, Produces, Phone) = (head, hamlet, makes, phoneNumber);
    }

    internal void Deactivate() => IsActive = false;

    internal void Reactivate() => IsActive = true;
}
