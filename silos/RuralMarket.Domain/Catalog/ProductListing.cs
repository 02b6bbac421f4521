using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>What a buyer reads about a product: validated as a whole so a product never holds half an edit.</summary>
public sealed record ProductListing
{
    public const int MaxNetWeightGrams = 1_000_000;

    public ProductListing(
        string name, string description, ProductCategory category, SalesUnit unit, int netWeightGrams, string origin, string harvest,
        string englishName = "", string englishDescription = "")
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("product.category_unknown", $"Unknown category {category}.");
        }
        if (!Enum.IsDefined(unit))
        {
            throw new DomainException("product.unit_unknown", $"Unknown unit {unit}.");
        }
        if (netWeightGrams is < 1 or > MaxNetWeightGrams)
        {
            throw new DomainException("product.weight_out_of_range", $"Net weight must be 1 g to {MaxNetWeightGrams} g, not {netWeightGrams} g.");
        }
        Name = DomainText.Require(name, "product.name", 200);
        Description = DomainText.Optional(description, "product.description", 10_000, multiline: true);
        Category = category;
        Unit = unit;
        NetWeightGrams = netWeightGrams;
        Origin = DomainText.Optional(origin, "product.origin", 300);
        Harvest = DomainText.Optional(harvest, "product.harvest", 200);
        EnglishName = DomainText.Optional(englishName, "product.english_name", 200);
        EnglishDescription = DomainText.Optional(englishDescription, "product.english_description", 10_000, multiline: true);
    }

    public string Name { get; }

    public string Description { get; }

    public ProductCategory Category { get; }

    public SalesUnit Unit { get; }

    public int NetWeightGrams { get; }

    /// <summary>Where it comes from, in the cooperative's words (may keep pre-2025 place names).</summary>
    public string Origin { get; }

    /// <summary>When it is harvested or made, e.g. "Tháng 10 – tháng 12".</summary>
    public string Harvest { get; }

    /// <summary>The name for buyers reading English; empty when the cooperative gave none (pages then show <see cref="Name"/>).</summary>
    public string EnglishName { get; }

    /// <summary>The description in English; empty when the cooperative gave none.</summary>
    public string EnglishDescription { get; }
}
