using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Payments;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// The manager's view of the cooperative's money: what is settled and waiting for the next payout, what is sold but not
/// settled yet (not delivered, or its cash not yet remitted), the account payouts go to, and every run with its statement.
/// </summary>
public sealed class MoneyModel(RuralMarketDbContext db) : PortalPageModel
{
    public CooperativeMoney Money { get; private set; } = null!;

    public PayoutAccount? Account { get; private set; }

    public IReadOnlyList<PayoutRun> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Money = await SettledMoney.OfAsync(db, Cooperative.Id, cancellationToken);
        Account = await db.Cooperatives.AsNoTracking().Where(c => c.Id == Cooperative.Id).Select(c => c.Payout).SingleOrDefaultAsync(cancellationToken);
        Runs = await db.PayoutRuns.AsNoTracking().Where(r => r.CooperativeId == Cooperative.Id).OrderByDescending(r => r.DrawnAt).Take(100).ToListAsync(cancellationToken);
        return Page();
    }
}
