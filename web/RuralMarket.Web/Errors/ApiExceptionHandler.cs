using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;

namespace RuralMarket.Web.Errors;

/// <summary>
/// Turns exceptions on <c>/api</c> into RFC 9457 problem details with a Vietnamese (or English) title and a
/// machine-readable <c>code</c>: a broken domain rule is 400, a missing thing 404, a stale write 409, anything else 500
/// without the exception's text. Pages handle their own domain errors beside the field; other page errors go to /error.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has rewritten Request.Path to the error page; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var (status, code) = exception switch
        {
            ConcurrencyConflictException conflict => (StatusCodes.Status409Conflict, conflict.Code),
            SearchUnavailableException => (StatusCodes.Status503ServiceUnavailable, "search.unavailable"),
            DomainException domain when domain.Code.EndsWith(".not_found", StringComparison.Ordinal) => (StatusCodes.Status404NotFound, domain.Code),
            DomainException domain => (StatusCodes.Status400BadRequest, domain.Code),
            _ => (StatusCodes.Status500InternalServerError, "server.error"),
        };
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(exception, path);
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ApiProblems.Create(text, status, code),
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnexpected(Exception error, string path);
}
