using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One member household: edit it, or mark it as having left (it stays on record for past sales) or back.</summary>
public sealed class HouseholdModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
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
        ChangeAsync(household, "saved", grain => grain.ReviseHouseholdAsync(household, Form.Details, Cooperative.Actor), cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(Guid household, CancellationToken cancellationToken) =>
        ChangeAsync(household, "deactivated", grain => grain.DeactivateHouseholdAsync(household, Cooperative.Actor), cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid household, CancellationToken cancellationToken) =>
        ChangeAsync(household, "reactivated", grain => grain.ReactivateHouseholdAsync(household, Cooperative.Actor), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string done, Func<ICooperativeGrain, Task> change, CancellationToken cancellationToken)
    {
        var cooperative = await LoadAsync(id, cancellationToken);
        if (cooperative is null)
        {
            return NotFound();
        }
        if (await Refusal.OfAsync(() => change(grains.GetGrain<ICooperativeGrain>(Cooperative.Id))) is { } refusal)
        {
            Errors.Add(refusal, HouseholdForm.FieldOfCode);
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
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        var member = cooperative.Households.FirstOrDefault(h => h.Id == id);
        if (member is null)
        {
            return null;
        }
        Household = member;
        return cooperative;
    }
}
