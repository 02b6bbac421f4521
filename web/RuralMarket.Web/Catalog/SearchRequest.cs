using RuralMarket.Domain.Catalog;
using RuralMarket.Search;

namespace RuralMarket.Web.Catalog;

/// <summary>
/// Search parameters as they arrive in a query string, checked before anything reaches the search port.
/// A problem names its error code (resource key <c>error.{code}</c>) and the parameter it is about.
/// </summary>
public sealed record SearchRequest(
    string? Q, string? Province, string? Category, int? MinStars, long? MinPrice, long? MaxPrice, bool? InStock, string? Sort,
    int? Page, int? PageSize)
{
    public const int DefaultPageSize = 24;

    private static readonly Dictionary<string, SearchSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = SearchSort.Relevance,
        ["price_asc"] = SearchSort.PriceAscending,
        ["price_desc"] = SearchSort.PriceDescending,
        ["newest"] = SearchSort.Newest,
    };

    public SearchProblem? TryCreate(DateOnly today, out ProductSearchQuery query)
    {
        query = new ProductSearchQuery { Today = today };
        var text = Q ?? string.Empty;
        if (text.Length > ProductSearchQuery.Limits.MaxTextLength)
        {
            return new("query.text_too_long", "q");
        }
        if (Province is { } province && (province.Length is 0 or > 8 || !province.All(char.IsAsciiLetterOrDigit)))
        {
            return new("query.province_invalid", "province");
        }
        ProductCategory? category = null;
        if (!string.IsNullOrEmpty(Category))
        {
            if (!Enum.TryParse<ProductCategory>(Category, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(Category[0]))
            {
                return new("query.category_unknown", "category");
            }
            category = parsed;
        }
        if (MinStars is < 3 or > 5)
        {
            return new("query.stars_out_of_range", "minStars");
        }
        if (MinPrice is < 0 or > ProductSearchQuery.Limits.MaxPriceDong)
        {
            return new("query.price_out_of_range", "minPrice");
        }
        if (MaxPrice is < 0 or > ProductSearchQuery.Limits.MaxPriceDong)
        {
            return new("query.price_out_of_range", "maxPrice");
        }
        if (MinPrice > MaxPrice)
        {
            return new("query.price_range_inverted", "minPrice");
        }
        var sort = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(Sort) && !Sorts.TryGetValue(Sort, out sort))
        {
            return new("query.sort_unknown", "sort");
        }
        if (Page is < 1 or > ProductSearchQuery.Limits.MaxPage)
        {
            return new("query.page_out_of_range", "page");
        }
        if (PageSize is < 1 or > ProductSearchQuery.Limits.MaxPageSize)
        {
            return new("query.page_size_out_of_range", "pageSize");
        }
        query = query with
        {
            Text = text,
            ProvinceCode = string.IsNullOrEmpty(Province) ? null : Province.ToUpperInvariant(),
            Category = category,
            MinStars = MinStars,
            MinPriceDong = MinPrice,
            MaxPriceDong = MaxPrice,
            InStockOnly = InStock == true,
            Sort = sort,
            Page = Page ?? 1,
            PageSize = PageSize ?? DefaultPageSize,
        };
        return null;
    }
}

public sealed record SearchProblem(string Code, string Field);
