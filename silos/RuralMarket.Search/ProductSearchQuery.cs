using RuralMarket.Domain.Catalog;

namespace RuralMarket.Search;

public enum SearchSort
{
    Relevance,
    PriceAscending,
    PriceDescending,
    Newest,
}

/// <summary>
/// A product search. Text may be empty (browse). All bounds are checked by the caller at the boundary
/// (see <see cref="Limits"/>); an adapter may assume a query it is given is within them.
/// </summary>
public sealed record ProductSearchQuery
{
    public string Text { get; init; } = string.Empty;

    public string? ProvinceCode { get; init; }

    public ProductCategory? Category { get; init; }

    public int? MinStars { get; init; }

    public long? MinPriceDong { get; init; }

    public long? MaxPriceDong { get; init; }

    public bool InStockOnly { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 24;

    /// <summary>The day certificates are judged valid on (Vietnam's calendar).</summary>
    public DateOnly Today { get; init; }

    public static class Limits
    {
        public const int MaxTextLength = 200;
        public const int MaxPage = 1_000;
        public const int MaxPageSize = 100;
        public const long MaxPriceDong = 1_000_000_000;
        public const int MaxSuggestions = 8;
    }
}

public sealed record SearchHit(
    Guid ProductId, string Slug, string Name, long PriceDong, string Unit, int NetWeightGrams, bool InStock, int? OcopStars,
    string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string Category, string? CoverPhoto,
    string? EnglishName = null);

public sealed record FacetCount(string Value, string Label, int Count);

public sealed record SearchFacets(IReadOnlyList<FacetCount> Provinces, IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> Stars);

public sealed record ProductSearchResult(IReadOnlyList<SearchHit> Items, int Total, SearchFacets Facets);

public sealed record Suggestion(string Name, string Slug);
