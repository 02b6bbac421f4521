using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>How much of a product one member household produces, in whole percent. A product's shares add up to 100.</summary>
public sealed record ProducerShare
{
    public ProducerShare(Guid householdId, int percent)
    {
        if (percent is < 1 or > 100)
        {
            throw new DomainException("product.share_out_of_range", $"A household's share must be 1 to 100 %, not {percent} %.");
        }
        HouseholdId = householdId;
        Percent = percent;
    }

    public Guid HouseholdId { get; private set; }

    public int Percent { get; private set; }
}
