using RuralMarket.Domain.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;
using RuralMarket.Web.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Media;

namespace RuralMarket.Web.Apis;

public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/products").WithTags("Products");
        api.MapGet("/", SearchAsync).WithName("SearchProducts");
        api.MapGet("/suggest", SuggestAsync).WithName("SuggestProducts");
        return endpoints;
    }

    private static async Task<Results<Ok<ProductListResponse>, ProblemHttpResult>> SearchAsync(
        [AsParameters] SearchRequest request, IProductSearch search, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (request.TryCreate(VietnamCalendar.Today(clock), out var query) is { } problem)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, problem.Code, problem.Field);
        }
        var result = await search.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new ProductListResponse(
            result.Items.Select(ProductListItem.From).ToList(), result.Total, query.Page, query.PageSize,
            new FacetsResponse(
                result.Facets.Provinces,
                result.Facets.Categories.Select(c => c with { Label = text[$"category.{c.Value}"] }).ToList(),
                result.Facets.Stars)));
    }

    private static async Task<Results<Ok<IReadOnlyList<Suggestion>>, ProblemHttpResult>> SuggestAsync(
        [FromQuery] string? q, IProductSearch search, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (q is { Length: > ProductSearchQuery.Limits.MaxTextLength })
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "query.text_too_long", "q");
        }
        return TypedResults.Ok(await search.SuggestAsync(q ?? string.Empty, ProductSearchQuery.Limits.MaxSuggestions, cancellationToken));
    }
}

public sealed record ProductListResponse(IReadOnlyList<ProductListItem> Items, int Total, int Page, int PageSize, FacetsResponse Facets);

public sealed record FacetsResponse(IReadOnlyList<FacetCount> Provinces, IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> Stars);

/// <summary>A product in API responses; prices in whole đồng and pre-formatted for display.</summary>
public sealed record ProductListItem(
    Guid Id, string Slug, string Name, long PriceDong, string PriceText, string Unit, int NetWeightGrams, bool InStock,
    int? OcopStars, string Category, string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string? PhotoUrl)
{
    public static ProductListItem From(SearchHit hit) => new(
        hit.ProductId, hit.Slug, hit.Name, hit.PriceDong, Money.FromDong(hit.PriceDong).ToString(), hit.Unit, hit.NetWeightGrams, hit.InStock,
        hit.OcopStars, hit.Category, hit.CooperativeSlug, hit.CooperativeName, hit.ProvinceCode, hit.ProvinceName,
        PhotoVariants.TryParse(hit.CoverPhoto, out var cover) ? MediaEndpoints.UrlOf(cover.WebpKey(cover.FallbackWidth)) : null);
}
