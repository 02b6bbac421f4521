using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Payments;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Payments;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// Payouts to cooperatives: the settled money waiting (a run can be drawn now rather than on the weekly schedule), the
/// open runs with their bank file and a form to record each transfer's bank reference, and the last runs paid. The
/// amounts come from the ledger through the run's grain; nothing typed here is an amount.
/// </summary>
public sealed class PayoutsModel(RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock) : PageModel
{
    public sealed record Waiting(Guid CooperativeId, string Name, Money Amount, bool HasAccount);

    public IReadOnlyList<Waiting> WaitingMoney { get; private set; } = [];

    public IReadOnlyList<PayoutRun> Open { get; private set; } = [];

    public IReadOnlyList<PayoutRun> Paid { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Resource key of the last action's refusal.</summary>
    public string? Error { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetBankFileAsync(CancellationToken cancellationToken)
    {
        var open = await OpenRunsAsync(cancellationToken);
        return File(PayoutBankFile.Write(open), "text/csv; charset=utf-8", $"chi-tra-{VietnamCalendar.Today(clock):yyyyMMdd}.csv");
    }

    public async Task<IActionResult> OnPostDrawAsync(Guid cooperativeId, CancellationToken cancellationToken)
    {
        if (!await db.Cooperatives.AsNoTracking().AnyAsync(c => c.Id == cooperativeId, cancellationToken))
        {
            return NotFound();
        }
        var today = VietnamCalendar.Today(clock);
        PayoutRunReceipt? receipt = null;
        if (await Refusal.OfAsync(async () => receipt = await grains.GetGrain<IPayoutRunGrain>(IPayoutRunGrain.IdOf(cooperativeId, today)).DrawAsync(cooperativeId, today)) is { } refusal)
        {
            return await RefusedAsync($"error.{refusal.Code}", cancellationToken);
        }
        return Redirect($"/admin/payouts?done={(receipt!.Unchanged ? "drawn_before" : "drawn")}");
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid runId, string? bankReference, CancellationToken cancellationToken)
    {
        if (!await db.PayoutRuns.AsNoTracking().AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return NotFound();
        }
        var reference = (bankReference ?? string.Empty).Trim();
        if (reference.Length is 0 or > 60)
        {
            return await RefusedAsync("error.payout.bank_reference", cancellationToken);
        }
        if (await Refusal.OfAsync(() => grains.GetGrain<IPayoutRunGrain>(runId).MarkPaidAsync(reference, AccountClaims.AdminActorOf(User))) is { } refusal)
        {
            return await RefusedAsync($"error.{refusal.Code}", cancellationToken);
        }
        return Redirect("/admin/payouts?done=paid");
    }

    private async Task<IActionResult> RefusedAsync(string key, CancellationToken cancellationToken)
    {
        Error = key;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<List<PayoutRun>> OpenRunsAsync(CancellationToken cancellationToken) =>
        await db.PayoutRuns.AsNoTracking().Where(r => r.Status == PayoutStatus.Open).OrderBy(r => r.DrawnAt).ToListAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var cooperatives = await db.Cooperatives.AsNoTracking().Where(c => c.Verification == VerificationStatus.Verified)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, HasAccount = c.Payout != null }).ToListAsync(cancellationToken);
        var waiting = new List<Waiting>();
        foreach (var cooperative in cooperatives)
        {
            var money = await SettledMoney.OfAsync(db, cooperative.Id, cancellationToken);
            if (money.Waiting.Count > 0)
            {
                waiting.Add(new Waiting(cooperative.Id, cooperative.Name, money.WaitingTotal, cooperative.HasAccount));
            }
        }
        WaitingMoney = waiting;
        Open = await OpenRunsAsync(cancellationToken);
        Paid = await db.PayoutRuns.AsNoTracking().Where(r => r.Status == PayoutStatus.Paid).OrderByDescending(r => r.PaidAt).Take(20).ToListAsync(cancellationToken);
        var ids = Open.Concat(Paid).Select(r => r.CooperativeId).Distinct().ToList();
        Names = await db.Cooperatives.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
    }
}
