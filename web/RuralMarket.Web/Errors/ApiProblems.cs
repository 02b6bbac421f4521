using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace RuralMarket.Web.Errors;

/// <summary>Problem details whose title is the localised text of an error code (resource key <c>error.{code}</c>).</summary>
internal static class ApiProblems
{
    public static ProblemDetails Create(IStringLocalizer text, int status, string code, string? field = null)
    {
        var title = text[$"error.{code}"];
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title.ResourceNotFound ? text["error.invalid_request"] : title.Value,
            Type = $"https://ruralmarket.vn/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        return problem;
    }

    /// <summary>Gives problems written by the framework itself (bad parameters, 404, 405) a code and a localised title.</summary>
    public static void FillInDefaults(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }
        var code = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "request.invalid",
            StatusCodes.Status404NotFound => "request.not_found",
            StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
            >= 500 => "server.error",
            _ => "request.invalid",
        };
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        problem.Extensions["code"] = code;
        problem.Title = text[$"error.{code}"];
    }

    public static IResult BadRequest(IStringLocalizer text, string code, string field) =>
        TypedResults.Problem(Create(text, StatusCodes.Status400BadRequest, code, field));
}
