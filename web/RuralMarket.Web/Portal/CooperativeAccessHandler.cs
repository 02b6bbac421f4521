using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Grains;
using RuralMarket.Web.Accounts;

namespace RuralMarket.Web.Portal;

/// <summary>The account may act for the cooperative named in the route (<c>{cooperative}</c> slug); as its manager if required.</summary>
public sealed record CooperativeAccessRequirement(bool ManagerOnly) : IAuthorizationRequirement;

/// <summary>
/// Decides on the server, per request, whether the signed-in account may act for the cooperative in the URL, and
/// hands the page that cooperative (<see cref="PortalCooperative"/>) so it never looks one up from what the browser sent.
/// Admins may act for every cooperative.
/// </summary>
public sealed class CooperativeAccessHandler(RuralMarketDbContext db) : AuthorizationHandler<CooperativeAccessRequirement>
{
    public const string RouteKey = "cooperative";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CooperativeAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetRouteValue(RouteKey) is not string slug
            || AccountClaims.AccountIdOf(context.User) is not { } accountId)
        {
            return;
        }
        var cooperative = await db.Cooperatives.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name }).FirstOrDefaultAsync(http.RequestAborted);
        if (cooperative is null)
        {
            return;
        }
        string actingAs;
        if (context.User.IsInRole(AccountRoles.Admin))
        {
            actingAs = AccountRoles.Admin;
        }
        else
        {
            var role = await db.CooperativeAccess.AsNoTracking()
                .Where(a => a.AccountId == accountId && a.CooperativeId == cooperative.Id)
                .Select(a => (AccessRole?)a.Role).FirstOrDefaultAsync(http.RequestAborted);
            if (role is null || (requirement.ManagerOnly && role != AccessRole.Manager))
            {
                return;
            }
            actingAs = role == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper;
        }
        http.Features.Set(new PortalCooperative(cooperative.Id, cooperative.Slug, cooperative.Name, accountId,
            AccountClaims.DisplayNameOf(context.User), actingAs));
        context.Succeed(requirement);
    }
}

/// <summary>The cooperative a portal request acts for, and who acts, as the access check established them.</summary>
public sealed record PortalCooperative(Guid Id, string Slug, string Name, Guid AccountId, string AccountName, string ActingAs)
{
    public bool IsManager => ActingAs is AccountRoles.Manager or AccountRoles.Admin;

    /// <summary>An activity log entry for something done now that no grain records (team access, an import's summary).</summary>
    public ActivityEntry Activity(string action, string subject, DateTimeOffset at) =>
        new(Id, AccountId, AccountName, ActingAs, action, subject, at);

    /// <summary>Who acts, as the grains record it in the activity log.</summary>
    public Actor Actor => new(AccountId, AccountName, ActingAs);
}
