using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Grains;
using RuralMarket.Web.Accounts;

namespace RuralMarket.Web.Partner;

/// <summary>The account works for the postal partner named in the route (<c>{partner}</c> slug).</summary>
public sealed record PartnerAccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Decides on the server, per request, whether the signed-in account works for the partner in the URL, and hands the
/// page that partner (<see cref="PortalPartner"/>). Nobody else, admins included, acts as a partner: an admin sees
/// parcels from the admin pages.
/// </summary>
public sealed class PartnerAccessHandler(RuralMarketDbContext db) : AuthorizationHandler<PartnerAccessRequirement>
{
    public const string RouteKey = "partner";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetRouteValue(RouteKey) is not string slug
            || AccountClaims.AccountIdOf(context.User) is not { } accountId)
        {
            return;
        }
        var partner = await (from access in db.PartnerAccess.AsNoTracking()
                             join p in db.PostalPartners.AsNoTracking() on access.PartnerId equals p.Id
                             where access.AccountId == accountId && p.Slug == slug && p.Active
                             select new { p.Id, p.Slug, p.Name }).FirstOrDefaultAsync(http.RequestAborted);
        if (partner is null)
        {
            return;
        }
        http.Features.Set(new PortalPartner(partner.Id, partner.Slug, partner.Name, accountId, AccountClaims.DisplayNameOf(context.User)));
        context.Succeed(requirement);
    }
}

/// <summary>The postal partner a partner-portal request acts for, and who acts, as the access check established them.</summary>
public sealed record PortalPartner(Guid Id, string Slug, string Name, Guid AccountId, string AccountName)
{
    public Actor Actor => new(AccountId, AccountName, Data.Accounts.AccountRoles.Partner);
}
