using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains.Catalog;
using RuralMarket.Photos;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// The harvest diary: one short form a helper fills on a phone in under a minute (today, the last batch, activity and
/// household this account wrote, no JavaScript needed), and the latest entries. Entries are never edited: "correct"
/// writes a new entry that points at the old one.
/// </summary>
public sealed class DiaryModel(RuralMarketDbContext db, IGrainFactory grains, PhotoPipeline photos, TimeProvider clock) : PortalPageModel
{
    public const int EntriesShown = 20;

    private static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["batch"] = nameof(DiaryForm.BatchId), ["diary.day_out_of_range"] = nameof(DiaryForm.Day), ["diary.activity_unknown"] = nameof(DiaryForm.Activity),
        ["diary.input"] = nameof(DiaryForm.Input), ["diary.note"] = nameof(DiaryForm.Note), ["diary.household_not_producer"] = nameof(DiaryForm.HouseholdId),
        ["photo"] = nameof(DiaryForm.Photo),
    };

    public IReadOnlyList<CooperativeDiary.Choice> Batches { get; private set; } = [];

    public IReadOnlyList<Household> Households { get; private set; } = [];

    public IReadOnlyList<DiaryRow> Latest { get; private set; } = [];

    [BindProperty]
    public DiaryForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public bool Saved { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid? batch, int? corrects, bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Saved = saved;
        var last = Latest.FirstOrDefault(r => r.Entry.AccountId == Cooperative.AccountId);
        Form = new DiaryForm
        {
            BatchId = (batch is { } chosen && Batches.Any(b => b.BatchId == chosen) ? chosen : last?.BatchId ?? Batches.FirstOrDefault()?.BatchId)?.ToString(),
            Day = Today.ToString("yyyy-MM-dd"),
            Activity = (last?.Entry.Activity ?? FarmActivity.Other).ToString(),
            HouseholdId = last?.Entry.HouseholdId?.ToString(),
            Corrects = corrects,
        };
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? photo, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var batch = Guid.TryParse(Form.BatchId, out var id) ? Batches.FirstOrDefault(b => b.BatchId == id) : null;
        if (batch is null)
        {
            Errors.Add(nameof(DiaryForm.BatchId), "form.error.choose");
        }
        var day = Errors.Date(Form.Day, nameof(DiaryForm.Day));
        var activity = Errors.Named<FarmActivity>(Form.Activity, nameof(DiaryForm.Activity));
        Guid? household = null;
        if (!string.IsNullOrEmpty(Form.HouseholdId))
        {
            household = Guid.TryParse(Form.HouseholdId, out var h) && Households.Any(x => x.Id == h) ? h : null;
            if (household is null)
            {
                Errors.Add(nameof(DiaryForm.HouseholdId), "form.error.choose");
            }
        }
        if (!Errors.IsEmpty || batch is null || day is not { } on || activity is not { } what)
        {
            return Problem();
        }
        PhotoVariants? stored = null;
        if (photo is { Length: > 0 })
        {
            try
            {
                await using var upload = photo.OpenReadStream();
                stored = await photos.StoreAsync(upload, cancellationToken);
            }
            catch (PhotoRejectedException rejected)
            {
                Errors.Add(nameof(DiaryForm.Photo), $"error.{rejected.Code}");
                return Problem();
            }
        }
        var draft = new DiaryDraft(on, what, household, Form.Input, Form.Note, stored, Form.Corrects);
        if (await Refusal.OfAsync(() => grains.GetGrain<IProductGrain>(batch.ProductId).WriteDiaryAsync(batch.BatchId, draft, Cooperative.Actor)) is { } refusal)
        {
            if (stored is { } orphan)
            {
                await photos.DeleteAsync(orphan, CancellationToken.None);
            }
            Errors.Add(refusal, FieldOfCode);
            return Problem();
        }
        return Redirect($"/portal/{Cooperative.Slug}/diary?saved=true&batch={batch.BatchId}");
    }

    private PageResult Problem()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = VietnamCalendar.Today(clock);
        Batches = await CooperativeDiary.BatchesAsync(db, Cooperative.Id, cancellationToken);
        Latest = await CooperativeDiary.LatestAsync(db, Batches, EntriesShown, cancellationToken);
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        Households = [.. cooperative.Households.Where(h => h.IsActive).OrderBy(h => h.HeadName, StringComparer.Ordinal)];
    }
}

/// <summary>A diary entry typed in the portal; ids and the activity as the form's choices send them.</summary>
public sealed class DiaryForm
{
    public string? BatchId { get; set; }

    public string? Day { get; set; }

    public string? Activity { get; set; }

    public string? HouseholdId { get; set; }

    public string? Input { get; set; }

    public string? Note { get; set; }

    /// <summary>The number of the entry this one corrects, in the same batch.</summary>
    public int? Corrects { get; set; }

    /// <summary>Only named for its error: the photo itself comes as the form's file.</summary>
    public string? Photo { get; set; }
}
