using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// What a page handler is given is checked before it runs: a request for a handler the page does not have
/// (<c>POST /cart?handler=Nothing</c>, a POST to a read-only page) is a 405 (404 for a GET naming an unknown
/// handler), and a handler argument that did not bind (<c>position=abc</c>) is a 400, never a silent 0.
/// </summary>
public sealed class HandlerGuard : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var reading = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null; // the error page, shown for any method
        var requested = (context.RouteData.Values["handler"] as string) ?? http.Request.Query["handler"].ToString();
        var missing = context.HandlerMethod is null
            ? !reading || requested.Length > 0
            : requested.Length > 0 && !string.Equals(context.HandlerMethod.Name, requested, StringComparison.OrdinalIgnoreCase); // Razor Pages falls back to the unnamed handler
        if (missing && !reExecuted)
        {
            context.Result = new StatusCodeResult(reading ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }
        if (context.HandlerMethod is null)
        {
            return next();
        }
        var unbound = context.HandlerMethod.Parameters
            .Any(p => context.ModelState.TryGetValue(p.Name, out var entry) && entry.Errors.Count > 0);
        if (unbound)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return Task.CompletedTask;
        }
        return next();
    }
}
