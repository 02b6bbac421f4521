using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Web.Logistics;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>Đối soát COD across the platform: per partner and per cooperative, then every open mismatch.</summary>
public sealed class ReconciliationModel(RuralMarketDbContext db, CodReconciliation reconciliation) : PageModel
{
    public CodReport Report { get; private set; } = new([]);

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await reconciliation.ReportAsync(null, cancellationToken);
        var partners = await db.PostalPartners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var cooperativeIds = Report.ByCooperative.Select(c => c.Id).ToList();
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => cooperativeIds.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        Names = partners.Select(p => (p.Id, p.Name)).Concat(cooperatives.Select(c => (c.Id, c.Name))).ToDictionary(n => n.Id, n => n.Name);
    }

    public string NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : id.ToString();
}
