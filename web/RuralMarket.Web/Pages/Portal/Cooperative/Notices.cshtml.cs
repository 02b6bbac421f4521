using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// Whether the signed-in account gets this cooperative's new orders and low stock by SMS (or e-mail, when it signs
/// in with one). Managers get them until they switch off; helpers once they switch on. Only one's own setting.
/// </summary>
public sealed class NoticesModel(RuralMarketDbContext db) : PortalPageModel
{
    /// <summary>Null when the account acts as an admin, with no access of its own to this cooperative.</summary>
    public bool? Receives { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        Receives = await OwnAccess().Select(a => (bool?)a.ReceivesNotices).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(bool receives, CancellationToken cancellationToken)
    {
        var access = await OwnAccess().SingleOrDefaultAsync(cancellationToken);
        if (access is null)
        {
            return Forbid();
        }
        access.SetReceivesNotices(receives);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/portal/{Cooperative.Slug}/notices?saved=true");
    }

    private IQueryable<Data.Accounts.CooperativeAccess> OwnAccess() =>
        db.CooperativeAccess.Where(a => a.AccountId == Cooperative.AccountId && a.CooperativeId == Cooperative.Id);
}
