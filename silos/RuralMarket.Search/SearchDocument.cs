using RuralMarket.Domain.Shared;

namespace RuralMarket.Search;

/// <summary>One product as the index holds it: what is searched, filtered, faceted and shown on a result card.</summary>
public sealed record SearchDocument(
    Guid ProductId, string Slug, string Name, string Description, string Origin, string Category, string Unit, int NetWeightGrams,
    long PriceDong, bool InStock, int? OcopStars, DateOnly? OcopExpiresOn, DateTimeOffset PublishedAt,
    string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string? CoverPhoto,
    string EnglishName = "", string EnglishDescription = "")
{
    /// <summary>The name as searched: the Vietnamese name and, when given, the English one ("honey" finds mật ong).</summary>
    public string SearchedName => EnglishName.Length == 0 ? Name : Name + " " + EnglishName;

    /// <summary>Everything searched besides the name: descriptions, origin, cooperative and province.</summary>
    public string Body => string.Join(' ', Description, EnglishDescription, Origin, CooperativeName, ProvinceName);

    public string NameFolded => VietnameseText.Fold(Name);

    public string SearchedNameFolded => VietnameseText.Fold(SearchedName);

    public string BodyFolded => VietnameseText.Fold(Body);
}
