using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// Cooperatives awaiting verification (and those rejected): verify one, or reject it with a reason. Only verified
/// cooperatives' products reach the storefront; verifying one indexes its published products through the outbox.
/// </summary>
public sealed class CooperativesModel(RuralMarketDbContext db, IGrainFactory grains) : PageModel
{
    public IReadOnlyList<Cooperative> Waiting { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, cooperative => cooperative.VerifyAsync(AccountClaims.AdminActorOf(User)), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        var reason = Reason?.Trim().Normalize() ?? string.Empty;
        if (reason.Length is 0 or > 500)
        {
            return await ProblemAsync("portal.cooperative.reason_required");
        }
        return await ChangeAsync(id, cooperative => cooperative.RejectAsync(reason, AccountClaims.AdminActorOf(User)), cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<ICooperativeGrain, Task> change, CancellationToken cancellationToken)
    {
        if (!await db.Cooperatives.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }
        return await Refusal.OfAsync(() => change(grains.GetGrain<ICooperativeGrain>(id))) is { } refusal
            ? await ProblemAsync($"error.{refusal.Code}")
            : Redirect("/admin/cooperatives");
    }

    private async Task<IActionResult> ProblemAsync(string key)
    {
        Error = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Waiting = await db.Cooperatives.AsNoTracking().Where(c => c.Verification != VerificationStatus.Verified)
            .OrderBy(c => c.RegisteredAt).ToListAsync();
}
