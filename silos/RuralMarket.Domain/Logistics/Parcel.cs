using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Logistics;

/// <summary>The box the carrier takes: weight in grams, sides in centimetres.</summary>
public sealed record Parcel
{
    public const int MaxWeightGrams = 50_000;
    public const int MaxSideCm = 200;

    public Parcel(int weightGrams, int lengthCm, int widthCm, int heightCm)
    {
        WeightGrams = weightGrams is > 0 and <= MaxWeightGrams
            ? weightGrams
            : throw new DomainException("shipment.weight", $"A parcel weighs 1 to {MaxWeightGrams} grams.");
        LengthCm = Side(lengthCm);
        WidthCm = Side(widthCm);
        HeightCm = Side(heightCm);
    }

    public int WeightGrams { get; }

    public int LengthCm { get; }

    public int WidthCm { get; }

    public int HeightCm { get; }

    private static int Side(int cm) => cm is > 0 and <= MaxSideCm
        ? cm
        : throw new DomainException("shipment.size", $"A parcel's side is 1 to {MaxSideCm} cm.");
}

/// <summary>One end of a parcel's journey: who and where.</summary>
public sealed record ParcelEnd
{
    private ParcelEnd()
    {
        Name = Phone = string.Empty;
        Address = null!;
    }

    public ParcelEnd(string name, string phone, Address address)
    {
        Name = DomainText.Require(name, "shipment.contact_name", 200);
        Phone = DomainText.Optional(phone, "shipment.contact_phone", 20);
        Address = address;
    }

    public string Name { get; }

    public string Phone { get; }

    public Address Address { get; }
}
