using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Payments;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// The money a cooperative hands its household (managers only): record a handover by cash or transfer, or void one
/// recorded by mistake (kept, struck through). The form carries its own handover id, so sending it twice records once.
/// </summary>
public sealed class HouseholdHandoversModel(RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock) : PortalPageModel
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["handover.amount"] = nameof(HandoverForm.Amount), ["handover.date"] = nameof(HandoverForm.HandedOn),
        ["handover.method"] = nameof(HandoverForm.Method), ["handover.note"] = nameof(HandoverForm.Note),
    };

    public Household Household { get; private set; } = null!;

    public HouseholdEarnings Earnings { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    /// <summary>The handover whose void was refused, and why.</summary>
    public (Guid Id, string Key)? VoidError { get; private set; }

    [BindProperty]
    public HandoverForm Form { get; set; } = new();

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid household, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(household, cancellationToken))
        {
            return NotFound();
        }
        Form = HandoverForm.New(VietnamCalendar.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid household, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(household, cancellationToken))
        {
            return NotFound();
        }
        var amount = Errors.Capture(() => (Money?)Money.Parse(Form.Amount, "handover.amount"), FieldOfCode);
        var handedOn = Errors.Date(Form.HandedOn, nameof(HandoverForm.HandedOn));
        var method = Errors.Named<HandoverMethod>(Form.Method, nameof(HandoverForm.Method));
        if (Form.HandoverId == Guid.Empty)
        {
            Errors.Add(string.Empty, "portal.handover.reload");
        }
        if (Errors.IsEmpty)
        {
            var request = new HandoverRequest(Cooperative.Id, household, amount!.Value.Dong, handedOn!.Value, method!.Value, Form.Note);
            if (await Refusal.OfAsync(() => grains.GetGrain<IHouseholdHandoverGrain>(Form.HandoverId).RecordAsync(request, Cooperative.Actor)) is { } refusal)
            {
                Errors.Add(refusal, FieldOfCode);
            }
        }
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/households/{household}/handovers?done=recorded");
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid household, Guid handoverId, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(household, cancellationToken) || Earnings.Handovers.All(h => h.Id != handoverId))
        {
            return NotFound();
        }
        if (await Refusal.OfAsync(() => grains.GetGrain<IHouseholdHandoverGrain>(handoverId).VoidAsync(Cooperative.Id, reason ?? string.Empty, Cooperative.Actor)) is { } refusal)
        {
            VoidError = (handoverId, FormErrors.KeyOf(refusal.Code));
            Form = HandoverForm.New(VietnamCalendar.Today(clock));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/households/{household}/handovers?done=voided");
    }

    /// <summary>Only this cooperative's households: another cooperative's household id is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid household, CancellationToken cancellationToken)
    {
        var households = await db.Cooperatives.AsNoTracking().Where(c => c.Id == Cooperative.Id).Select(c => c.Households).SingleAsync(cancellationToken);
        if (households.FirstOrDefault(h => h.Id == household) is not { } member)
        {
            return false;
        }
        Household = member;
        Earnings = await HouseholdEarnings.OfAsync(db, household, cancellationToken);
        return true;
    }
}

/// <summary>What the handover form posts: its own id, the amount as typed (150.000 or 150000), the day, cash or transfer, a note.</summary>
public sealed class HandoverForm
{
    public Guid HandoverId { get; set; }

    public string? Amount { get; set; }

    public string? HandedOn { get; set; }

    public string? Method { get; set; }

    public string? Note { get; set; }

    public static HandoverForm New(DateOnly today) => new()
    {
        HandoverId = Guid.NewGuid(), HandedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Method = nameof(HandoverMethod.Cash),
    };
}
