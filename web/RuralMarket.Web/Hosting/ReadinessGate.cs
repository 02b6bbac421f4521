using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// Until the database is migrated and seeded, every request but the health checks gets a 503 that says so,
/// instead of pages failing half-way.
/// </summary>
internal sealed class ReadinessGate(RequestDelegate next, DatabaseReadiness readiness)
{
    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text, HtmlEncoder encoder)
    {
        var path = context.Request.Path;
        if (readiness.IsReady || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz"))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        if (path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: text["unavailable.title"], detail: text["unavailable.detail"],
                statusCode: StatusCodes.Status503ServiceUnavailable, extensions: new Dictionary<string, object?> { ["code"] = "service.starting" })
                .ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"{text["html.lang"]}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>{encoder.Encode(text["unavailable.title"])}</title><h1>{encoder.Encode(text["unavailable.title"])}</h1><p>{encoder.Encode(text["unavailable.detail"])}</p></html>");
    }
}
