using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Notices;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// The newest notices with their delivery state, parked ones first to look at; an admin sends a parked one again
/// (once more through the sender, which still honours an opt-out).
/// </summary>
public sealed class NoticesModel(RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    public static readonly string[] States = [NoticeState.Parked, NoticeState.Failed, NoticeState.Pending, NoticeState.Sent, NoticeState.OptedOut];

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    [FromQuery(Name = "state")]
    public string? State { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = States.Contains(State) ? State : null;
        Counts = await db.Notices.GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var notices = db.Notices.AsNoTracking();
        if (State is not null)
        {
            notices = notices.Where(n => n.State == State);
        }
        Notices = await notices.OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var retried = await db.Notices.Where(n => n.Id == id && n.State == NoticeState.Parked)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.State, NoticeState.Pending).SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NotBefore, clock.GetUtcNow()), cancellationToken);
        return retried == 0 ? NotFound() : Redirect("/admin/notices?state=pending");
    }
}
