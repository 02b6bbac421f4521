using RuralMarket.Domain.Shared;

namespace RuralMarket.Search;

/// <summary>One product as the index holds it: what is searched, filtered, faceted and shown on a result card.</summary>
public sealed record SearchDocument(
    Guid ProductId, string Slug, string Name, string Description, string Origin, string Category, string Unit, int NetWeightGrams,
    long PriceDong, bool InStock, int? OcopStars, DateOnly? OcopExpiresOn, DateTimeOffset PublishedAt,
    string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string? CoverPhoto)
{
    /// <summary>Everything searched besides the name: description, origin, cooperative and province.</summary>
    public string Body => string.Join(' ', Description, Origin, CooperativeName, ProvinceName);

    public string NameFolded => VietnameseText.Fold(Name);

    public string BodyFolded => VietnameseText.Fold(Body);
}
