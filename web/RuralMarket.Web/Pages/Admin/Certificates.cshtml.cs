using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>A certificate as the admin list shows it, with the cooperative that claims it.</summary>
public sealed record CertificateToCheck(Guid ProductId, string ProductName, string CooperativeName, OcopCertificate Certificate, DateTimeOffset? CheckedAt);

/// <summary>
/// OCOP certificates to check: every certificate entered or changed since the platform last looked (no badge shows
/// until it is confirmed), and checked ones that expire within 60 days or have expired. Confirming or withdrawing one
/// is written to the cooperative's activity log, so its manager sees what the platform did.
/// </summary>
public sealed class CertificatesModel(RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CertificateToCheck> Waiting { get; private set; } = [];

    public IReadOnlyList<CertificateToCheck> Expiring { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, product => product.ConfirmCertificateAsync(AccountClaims.AdminActorOf(User)), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, product => product.WithdrawCertificateAsync(AccountClaims.AdminActorOf(User)), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<IProductGrain, Task> change, CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }
        if (await Refusal.OfAsync(() => change(grains.GetGrain<IProductGrain>(id))) is { } refusal)
        {
            Error = $"error.{refusal.Code}";
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect("/admin/certificates");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = VietnamCalendar.Today(clock);
        var horizon = Today.AddDays(OcopCertificate.WarningDays);
        var rows = await (from p in db.Products.AsNoTracking()
                          join c in db.Cooperatives.AsNoTracking() on p.CooperativeId equals c.Id
                          where p.Certificate != null && p.Status != ProductStatus.Archived
                                && (p.CertificateCheckedAt == null || p.Certificate.ExpiresOn <= horizon)
                          select new CertificateToCheck(p.Id, p.Name, c.Name, p.Certificate!, p.CertificateCheckedAt))
            .ToListAsync(cancellationToken);
        Waiting = rows.Where(r => r.CheckedAt is null).OrderBy(r => r.CooperativeName).ThenBy(r => r.ProductName).ToList();
        Expiring = rows.Where(r => r.CheckedAt is not null).OrderBy(r => r.Certificate.ExpiresOn).ToList();
    }
}
