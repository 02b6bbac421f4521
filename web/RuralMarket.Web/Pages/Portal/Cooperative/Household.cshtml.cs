using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One member household: edit it, or mark it as having left (it stays on record for past sales) or back.</summary>
public sealed class HouseholdModel(RuralMarketDbContext db, TimeProvider clock) : PortalPageModel
{
    [BindProperty]
    public HouseholdForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public Household Household { get; private set; } = null!;

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid household, CancellationToken cancellationToken)
    {
        var cooperative = await LoadAsync(household, cancellationToken);
        if (cooperative is null)
        {
            return NotFound();
        }
        Form = HouseholdForm.Of(Household);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid household, CancellationToken cancellationToken) =>
        ChangeAsync(household, "household.revised", "saved", (cooperative, now) =>
            cooperative.ReviseHousehold(household, Form.HeadName ?? string.Empty, Form.Village ?? string.Empty, Form.Produces ?? string.Empty, Form.Phone, now),
            cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid household, CancellationToken cancellationToken) =>
        ChangeAsync(household, "household.deactivated", "deactivated", (cooperative, now) => cooperative.DeactivateHousehold(household, now), cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid household, CancellationToken cancellationToken) =>
        ChangeAsync(household, "household.reactivated", "reactivated", (cooperative, now) => cooperative.ReactivateHousehold(household, now), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string action, string done, Action<CooperativeAggregate, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var cooperative = await LoadAsync(id, cancellationToken);
        if (cooperative is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        try
        {
            change(cooperative, now);
            db.ActivityLog.Add(Cooperative.Activity(action, Household.HeadName, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            Errors.Add(error, HouseholdForm.FieldOfCode);
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            Form = Form.HeadName is null ? HouseholdForm.Of(Household) : Form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/households/{id}?done={done}");
    }

    /// <summary>Only this cooperative's households: another cooperative's household id is simply not found.</summary>
    private async Task<CooperativeAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        var member = cooperative.Households.FirstOrDefault(h => h.Id == id);
        if (member is null)
        {
            return null;
        }
        Household = member;
        return cooperative;
    }
}
