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

    public static IResult BadRequest(IStringLocalizer text, string code, string field) =>
        TypedResults.Problem(Create(text, StatusCodes.Status400BadRequest, code, field));
}
