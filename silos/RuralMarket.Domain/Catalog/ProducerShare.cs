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

    /// <summary>A product's producers: at least one, each household once, shares adding up to exactly 100 %.</summary>
    public static void RequireComplete(IReadOnlyCollection<ProducerShare> shares)
    {
        if (shares.Count == 0)
        {
            throw new DomainException("product.producers_required", "A product needs at least one producing household.");
        }
        if (shares.Select(s => s.HouseholdId).Distinct().Count() != shares.Count)
        {
            throw new DomainException("product.producer_duplicate", "A household is listed twice.");
        }
        var total = shares.Sum(s => s.Percent);
        if (total != 100)
        {
            throw new DomainException("product.shares_not_100", $"Household shares must add up to 100 %, not {total} %.");
        }
    }

    public Guid HouseholdId { get; private set; }

    public int Percent { get; private set; }
}
