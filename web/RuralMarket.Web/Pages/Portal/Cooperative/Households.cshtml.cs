using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>What the household forms post; the cooperative's domain rules decide what is acceptable.</summary>
public sealed class HouseholdForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["household.head_name"] = nameof(HeadName), ["household.village"] = nameof(Village),
        ["household.produces"] = nameof(Produces), ["household.phone"] = nameof(Phone),
    };

    public string? HeadName { get; set; }

    public string? Village { get; set; }

    public string? Produces { get; set; }

    public string? Phone { get; set; }

    public HouseholdDetails Details => new(HeadName ?? string.Empty, Village ?? string.Empty, Produces ?? string.Empty, Phone);

    public static HouseholdForm Of(Household household) =>
        new() { HeadName = household.HeadName, Village = household.Village, Produces = household.Produces, Phone = household.Phone };
}

/// <summary>The cooperative's member households, and the form that adds one.</summary>
public sealed class HouseholdsModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
{
    [BindProperty]
    public HouseholdForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<Household> Households { get; private set; } = [];

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var refusal = await Refusal.OfAsync(() => grains.GetGrain<ICooperativeGrain>(Cooperative.Id).AddHouseholdAsync(Guid.NewGuid(), Form.Details, Cooperative.Actor));
        if (refusal is not null)
        {
            Errors.Add(refusal, HouseholdForm.FieldOfCode);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/households?done=added");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        Households = cooperative.Households
            .OrderByDescending(h => h.IsActive).ThenBy(h => VietnameseText.Fold(h.HeadName), StringComparer.Ordinal).ToList();
    }
}
