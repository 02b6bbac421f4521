using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>What everyone did for this cooperative in the portal, newest first: the manager sees helpers' work here.</summary>
public sealed class ActivityModel(RuralMarketDbContext db) : PortalPageModel
{
    public const int Shown = 200;

    public IReadOnlyList<ActivityEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await db.ActivityLog.AsNoTracking().Where(e => e.CooperativeId == Cooperative.Id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Shown).ToListAsync();
}
