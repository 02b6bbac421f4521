using Microsoft.AspNetCore.Http.HttpResults;
using RuralMarket.Data.Geography;

namespace RuralMarket.Web.Apis;

public sealed record CommuneItem(string Code, string Name);

/// <summary>The 2025 communes of a province, for the address forms' province → commune choice. Reference data: cached for a day.</summary>
public static class GeographyApi
{
    public static IEndpointRouteBuilder MapGeographyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/provinces/{code}/communes", CommunesAsync).WithTags("Geography").WithName("ProvinceCommunes");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<CommuneItem>>, NotFound>> CommunesAsync(
        string code, AdministrativeUnits units, HttpContext http, CancellationToken cancellationToken)
    {
        var communes = await units.CommunesAsync(code, cancellationToken);
        if (communes.Count == 0)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Ok<IReadOnlyList<CommuneItem>>(communes.Select(c => new CommuneItem(c.Code, c.Name)).ToList());
    }
}
