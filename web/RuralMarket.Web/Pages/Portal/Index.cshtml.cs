using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Accounts;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;

namespace RuralMarket.Web.Pages.Portal;

public sealed record PortalChoice(string Slug, string Name, string Role);

/// <summary>The cooperatives the signed-in account may act for (all of them for an admin).</summary>
public sealed class IndexModel(RuralMarketDbContext db) : PageModel
{
    public IReadOnlyList<PortalChoice> Cooperatives { get; private set; } = [];

    public bool IsAdmin => User.IsInRole(AccountRoles.Admin);

    public async Task OnGetAsync()
    {
        var accountId = AccountClaims.AccountIdOf(User)!.Value;
        Cooperatives = IsAdmin
            ? await db.Cooperatives.AsNoTracking().OrderBy(c => c.Name).Select(c => new PortalChoice(c.Slug, c.Name, AccountRoles.Admin)).ToListAsync()
            : await (from access in db.CooperativeAccess.AsNoTracking()
                     join c in db.Cooperatives.AsNoTracking() on access.CooperativeId equals c.Id
                     where access.AccountId == accountId
                     orderby c.Name
                     select new PortalChoice(c.Slug, c.Name, access.Role == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper)).ToListAsync();
    }
}
