using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains.Catalog;
using RuralMarket.Logistics.Labels;
using RuralMarket.Web.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// A product's batches (lots): start one (before its harvest, so the diary can begin at sowing, or with its units),
/// receive more units into one, print its stickers, open its trace page.
/// </summary>
public sealed class BatchesModel(RuralMarketDbContext db, IGrainFactory grains, TraceStickers stickers, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PortalPageModel
{
    private static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["batch.lot"] = nameof(BatchForm.Lot), ["batch.lot_taken"] = nameof(BatchForm.Lot), ["batch.started_out_of_range"] = nameof(BatchForm.StartedOn),
        ["batch.harvest_in_future"] = nameof(BatchForm.HarvestedOn), ["batch.harvest_required"] = nameof(BatchForm.HarvestedOn),
        ["batch.best_before_before_harvest"] = nameof(BatchForm.BestBefore), ["batch.quantity_out_of_range"] = nameof(BatchForm.Quantity),
        ["product.stock_too_large"] = nameof(BatchForm.Quantity),
    };

    public Product Product { get; private set; } = null!;

    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public BatchForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    /// <summary>The batch whose receiving form was refused, with the form's errors.</summary>
    public Guid? ReceivingBatch { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = new BatchForm { StartedOn = Today.ToString("yyyy-MM-dd"), HarvestedOn = Today.ToString("yyyy-MM-dd") };
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var started = Errors.Date(Form.StartedOn, nameof(BatchForm.StartedOn));
        var (harvested, keeps, quantity) = ReadReceipt(allowZero: true);
        if (Errors.IsEmpty && started is { } on
            && await Refusal.OfAsync(() => Grain.StartBatchAsync(new BatchDetails(Form.Lot ?? string.Empty, on, harvested, keeps, quantity ?? 0), Cooperative.Actor)) is { } refusal)
        {
            Errors.Add(refusal, FieldOfCode);
        }
        return Errors.IsEmpty ? Redirect($"/portal/{Cooperative.Slug}/products/{id}/batches?done=started") : Problem();
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid id, Guid batchId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var (harvested, keeps, quantity) = ReadReceipt(allowZero: false);
        if (Errors.IsEmpty && quantity is { } units
            && await Refusal.OfAsync(() => Grain.ReceiveIntoBatchAsync(batchId, units, harvested, keeps, Cooperative.Actor)) is { } refusal)
        {
            Errors.Add(refusal, FieldOfCode);
        }
        ReceivingBatch = batchId;
        return Errors.IsEmpty ? Redirect($"/portal/{Cooperative.Slug}/products/{id}/batches?done=received") : Problem();
    }

    /// <summary>A PDF of stickers for one batch: one A4 sheet of 24 unless more are asked for.</summary>
    public async Task<IActionResult> OnGetStickersAsync(Guid id, Guid batchId, int? count, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Batches.FirstOrDefault(b => b.Id == batchId) is not { } batch)
        {
            return NotFound();
        }
        var sticker = new StickerBatch(Product.Name, Cooperative.Name, batch.Lot, batch.Code, TraceLinks.Of(TraceLinks.SiteOf(Request), batch.Code),
            batch.BestBefore is { } keeps ? DateText.Date(keeps) : null);
        var words = new StickerWording(text["trace.lot"], text["trace.code"], text["trace.best_before"], text["sticker.scan"]);
        return File(stickers.Sheets(sticker, words, count ?? TraceStickers.PerSheet), "application/pdf", $"tem-{batch.Code}.pdf");
    }

    private (DateOnly? Harvested, DateOnly? BestBefore, int? Quantity) ReadReceipt(bool allowZero)
    {
        var harvested = string.IsNullOrWhiteSpace(Form.HarvestedOn) ? null : Errors.Date(Form.HarvestedOn, nameof(BatchForm.HarvestedOn));
        var keeps = string.IsNullOrWhiteSpace(Form.BestBefore) ? null : Errors.Date(Form.BestBefore, nameof(BatchForm.BestBefore));
        var quantity = allowZero && string.IsNullOrWhiteSpace(Form.Quantity) ? 0 : Errors.WholeNumber(Form.Quantity, nameof(BatchForm.Quantity));
        return (harvested, keeps, quantity);
    }

    private IProductGrain Grain => grains.GetGrain<IProductGrain>(Product.Id);

    private PageResult Problem()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only this cooperative's products: another cooperative's id in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = VietnamCalendar.Today(clock);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.CooperativeId == Cooperative.Id, cancellationToken);
        if (product is null)
        {
            return false;
        }
        Product = product;
        Batches = await BatchRow.OfProductAsync(db, id, cancellationToken);
        return true;
    }
}

/// <summary>A batch typed in the portal; dates as the browser's date field sends them (or dd/mm/yyyy), the quantity a whole number.</summary>
public sealed class BatchForm
{
    public string? Lot { get; set; }

    public string? StartedOn { get; set; }

    public string? HarvestedOn { get; set; }

    public string? BestBefore { get; set; }

    public string? Quantity { get; set; }
}
