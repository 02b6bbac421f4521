using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using RuralMarket.Web.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Media;

namespace RuralMarket.Web.Apis;

public static class ProductsApi
{
    public const int MaxPage = 10_000;

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/products").WithTags("Products");
        api.MapGet("/", ListAsync).WithName("ListProducts");
        return endpoints;
    }

    private static async Task<Results<Ok<ProductListResponse>, ProblemHttpResult>> ListAsync(
        CatalogQueries catalog, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken, int page = 1, int pageSize = 24)
    {
        if (page is < 1 or > MaxPage)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "query.page_out_of_range", "page");
        }
        if (pageSize is < 1 or > CatalogQueries.MaxPageSize)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "query.page_size_out_of_range", "pageSize");
        }
        var result = await catalog.ListPublishedAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new ProductListResponse(result.Items.Select(ProductListItem.From).ToList(), result.Total, result.Page, result.PageSize));
    }
}

public sealed record ProductListResponse(IReadOnlyList<ProductListItem> Items, int Total, int Page, int PageSize);

/// <summary>A product in API responses; prices in whole đồng and pre-formatted for display.</summary>
public sealed record ProductListItem(
    Guid Id, string Slug, string Name, long PriceDong, string PriceText, string Unit, int NetWeightGrams, bool InStock,
    int? OcopStars, string CooperativeSlug, string CooperativeName, string ProvinceCode, string ProvinceName, string? PhotoUrl)
{
    public static ProductListItem From(ProductCard card) => new(
        card.Id, card.Slug, card.Name, card.Price.Dong, card.Price.ToString(), card.Unit.ToString(), card.NetWeightGrams, card.InStock,
        card.OcopStars, card.CooperativeSlug, card.CooperativeName, card.ProvinceCode, card.ProvinceName,
        card.PhotoKey is null ? null : MediaEndpoints.UrlOf(card.PhotoKey));
}
