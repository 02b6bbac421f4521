using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Payments;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One payout run as a statement: what it pays, order by order and household by household. Another cooperative's run is not found.</summary>
public sealed class PayoutStatementModel(RuralMarketDbContext db) : PortalPageModel
{
    public PayoutRun Run { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Households { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid run, CancellationToken cancellationToken)
    {
        if (await db.PayoutRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run && r.CooperativeId == Cooperative.Id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Run = found;
        Households = (await db.Cooperatives.AsNoTracking().Where(c => c.Id == Cooperative.Id).SelectMany(c => c.Households)
            .Select(h => new { h.Id, h.HeadName }).ToListAsync(cancellationToken)).ToDictionary(h => h.Id, h => h.HeadName);
        return Page();
    }
}
