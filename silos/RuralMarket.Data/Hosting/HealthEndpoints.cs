using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace RuralMarket.Data.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database is reachable and migrated.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        endpoints.MapGet("/readyz", async (DatabaseReadiness readiness, IDbContextFactory<RuralMarketDbContext> contexts, CancellationToken cancellationToken) =>
        {
            var problem = readiness.Problem;
            if (problem is null)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                problem = await db.Database.CanConnectAsync(cancellationToken) ? null : "The database does not answer.";
            }
            return problem is null
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "not ready", problem }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
