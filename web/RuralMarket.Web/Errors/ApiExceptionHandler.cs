using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using RuralMarket.Domain.Shared;

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
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        var (status, code) = exception switch
        {
            ConcurrencyConflictException conflict => (StatusCodes.Status409Conflict, conflict.Code),
            DomainException domain when domain.Code.EndsWith(".not_found", StringComparison.Ordinal) => (StatusCodes.Status404NotFound, domain.Code),
            DomainException domain => (StatusCodes.Status400BadRequest, domain.Code),
            _ => (StatusCodes.Status500InternalServerError, "server.error"),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(exception, httpContext.Request.Path);
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
