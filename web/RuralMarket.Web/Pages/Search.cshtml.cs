using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;
using RuralMarket.Web.Catalog;

namespace RuralMarket.Web.Pages;

/// <summary>Search results with facets, sort and paging; plain links and forms, so it works without JavaScript.</summary>
public sealed class SearchModel(IProductSearch search, TimeProvider clock) : PageModel
{
    public static readonly (long? Min, long? Max)[] PriceBands = [(null, 99_999), (100_000, 299_999), (300_000, 999_999), (1_000_000, null)];

    public ProductSearchResult Result { get; private set; } = new([], 0, new SearchFacets([], [], []));

    public ProductSearchQuery Query { get; private set; } = new();

    public SearchProblem? Problem { get; private set; }

    public int PageCount => Math.Max(1, (Result.Total + Query.PageSize - 1) / Query.PageSize);

    public async Task<IActionResult> OnGetAsync(string? q, string? province, string? category, int? minStars, long? minPrice, long? maxPrice,
        bool? inStock, string? sort, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(q, province, category, minStars, minPrice, maxPrice, inStock, sort, pageNumber, SearchRequest.DefaultPageSize);
        var query = new ProductSearchQuery();
        Problem = !ModelState.IsValid
            ? new SearchProblem("request.invalid", ModelState.First(e => e.Value?.Errors.Count > 0).Key)
            : request.TryCreate(VietnamCalendar.Today(clock), out query);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Query = query;
        try
        {
            Result = await search.SearchAsync(query, cancellationToken);
        }
        catch (SearchUnavailableException)
        {
            Problem = new SearchProblem("search.unavailable", "q");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }

    /// <summary>The filters in force, each with its words and the address without it (the chips above the results).</summary>
    public IReadOnlyList<(string Label, string RemoveUrl)> ActiveFilters(IStringLocalizer text)
    {
        var filters = new List<(string, string)>();
        if (Query.ProvinceCode is { } province)
        {
            var label = Result.Facets.Provinces.FirstOrDefault(f => f.Value == province)?.Label ?? province;
            filters.Add((label, UrlWith(("province", null))));
        }
        if (Query.Category is { } category)
        {
            filters.Add((text[$"category.{category}"], UrlWith(("category", null))));
        }
        if (Query.MinStars is { } stars)
        {
            filters.Add((text["search.stars_at_least", stars], UrlWith(("minStars", null))));
        }
        if (Query.MinPriceDong is not null || Query.MaxPriceDong is not null)
        {
            filters.Add((PriceBandLabel(text, Query.MinPriceDong, Query.MaxPriceDong), UrlWith(("minPrice", null), ("maxPrice", null))));
        }
        if (Query.InStockOnly)
        {
            filters.Add((text["search.in_stock_only"], UrlWith(("inStock", null))));
        }
        return filters;
    }

    public static string PriceBandLabel(IStringLocalizer text, long? min, long? max) => (min, max) switch
    {
        (null, { } top) => text["search.price.below", Money.FromDong(top + 1)],
        ({ } bottom, null) => text["search.price.above", Money.FromDong(bottom)],
        _ => $"{Money.FromDong(min!.Value)} – {Money.FromDong(max!.Value + 1)}",
    };

    /// <summary>This page's address with one parameter set (or removed when null), back on page 1 unless it is the page itself.</summary>
    public string UrlWith(params (string Key, string? Value)[] changes)
    {
        var parameters = Request.Query.Where(p => p.Key != "page" && p.Key != "culture")
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            parameters[key] = value;
        }
        var query = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return "/search" + (query.Length > 0 ? "?" + query : string.Empty);
    }
}
