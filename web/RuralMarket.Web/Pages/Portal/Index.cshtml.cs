using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Accounts;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal;

public sealed record PortalChoice(string Slug, string Name, string Role);

/// <summary>The cooperatives the signed-in account may act for (all of them for an admin), and the invitations waiting for it.</summary>
public sealed class IndexModel(RuralMarketDbContext db, TeamInvitations invitations, UserManager<Data.Accounts.Account> accounts) : PageModel
{
    public IReadOnlyList<PortalChoice> Cooperatives { get; private set; } = [];

    public IReadOnlyList<InvitationOffer> Invitations { get; private set; } = [];

    /// <summary>The postal partners the account works for (their portal is <c>/partner/{slug}</c>).</summary>
    public IReadOnlyList<PortalChoice> Partners { get; private set; } = [];

    public bool IsAdmin => User.IsInRole(AccountRoles.Admin);

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    private Guid AccountId => AccountClaims.AccountIdOf(User)!.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Invitations = await invitations.OffersForAsync(AccountId, cancellationToken);
        Cooperatives = IsAdmin
            ? await db.Cooperatives.AsNoTracking().OrderBy(c => c.Name).Select(c => new PortalChoice(c.Slug, c.Name, AccountRoles.Admin)).ToListAsync(cancellationToken)
            : await (from access in db.CooperativeAccess.AsNoTracking()
                     join c in db.Cooperatives.AsNoTracking() on access.CooperativeId equals c.Id
                     where access.AccountId == AccountId
                     orderby c.Name
                     select new PortalChoice(c.Slug, c.Name, access.Role == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper))
                .ToListAsync(cancellationToken);
        Partners = await (from access in db.PartnerAccess.AsNoTracking()
                          join p in db.PostalPartners.AsNoTracking() on access.PartnerId equals p.Id
                          where access.AccountId == AccountId && p.Active
                          orderby p.Name
                          select new PortalChoice(p.Slug, p.Name, AccountRoles.Partner))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long invitationId, CancellationToken cancellationToken)
    {
        var invitee = await accounts.FindByIdAsync(AccountId.ToString());
        return invitee is not null && await invitations.AcceptAsync(invitationId, invitee, cancellationToken)
            ? Redirect("/portal?done=invitation_accepted")
            : NotFound();
    }

    public async Task<IActionResult> OnPostDeclineAsync(long invitationId, CancellationToken cancellationToken) =>
        await invitations.DeclineAsync(invitationId, AccountId, cancellationToken) ? Redirect("/portal?done=invitation_declined") : NotFound();
}
