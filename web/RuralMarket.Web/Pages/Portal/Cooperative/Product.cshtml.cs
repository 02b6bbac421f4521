using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Catalog;
using RuralMarket.Grains.Catalog;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Photos;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One of the cooperative's products: its photos (upload, order, cover, remove), publishing and archiving.</summary>
// Kestrel's 30 MB default stays the hard cap; up to it, the pipeline answers a too-large photo beside the field.
public sealed class ProductModel(RuralMarketDbContext db, IGrainFactory grains, PhotoPipeline photos, TimeProvider clock) : PortalPageModel
{
    public const int AdjustmentsShown = 20;

    private static readonly HashSet<string> Notices = ["photo_added", "photo_moved", "photo_removed", "published", "archived", "created", "saved", "stock"];

    public Product Product { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>A resource key for the problem with the last post, shown beside the photo field.</summary>
    public string? Error { get; private set; }

    [BindProperty]
    public StockForm StockChange { get; set; } = new();

    public FormErrors StockErrors { get; } = new();

    /// <summary>The latest stock changes made by hand, newest first.</summary>
    public IReadOnlyList<StockAdjustment> Adjustments { get; private set; } = [];

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public string? Notice => Done is not null && Notices.Contains(Done) ? $"portal.done.{Done}" : null;

    public bool CertificateExpired => Product.Certificate is { } c && c.ExpiresOn < Today;

    public bool CertificateExpiresSoon => Product.Certificate?.ExpiresSoonOn(Today) == true;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? photo, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (photo is null)
        {
            return await ProblemAsync("photo.empty");
        }
        // The product would refuse a ninth photo anyway; asking first spares the decode.
        if (Product.Photos.Count >= Product.MaxPhotos)
        {
            return await ProblemAsync("product.too_many_photos");
        }
        PhotoVariants stored;
        try
        {
            await using var upload = photo.OpenReadStream();
            stored = await photos.StoreAsync(upload, cancellationToken);
        }
        catch (PhotoRejectedException rejected)
        {
            return await ProblemAsync(rejected.Code);
        }
        var saved = false;
        try
        {
            var result = await ChangeAsync(product => product.AddPhotoAsync(stored, Cooperative.Actor), "photo_added");
            saved = Error is null;
            return result;
        }
        finally
        {
            if (!saved)
            {
                await photos.DeleteAsync(stored, CancellationToken.None);
            }
        }
    }

    /// <summary>Changes stock by hand, with a reason; the product and its log entry are saved together.</summary>
    public async Task<IActionResult> OnPostStockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var delta = StockErrors.WholeNumber(StockChange.Delta, nameof(StockForm.Delta));
        var reason = StockErrors.Named<StockAdjustmentReason>(StockChange.Reason, nameof(StockForm.Reason));
        if (delta is { } change && reason is { } why)
        {
            if (await Refusal.OfAsync(() => Grain.AdjustStockAsync(change, why, StockChange.Note, Cooperative.Actor)) is not { } refusal)
            {
                return Redirect($"/portal/{Cooperative.Slug}/products/{Product.Id}?done=stock");
            }
            StockErrors.Add(refusal, StockForm.FieldOfCode);
        }
        return await ProblemAsync(null);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid photoId, int position, CancellationToken cancellationToken) =>
        await LoadAsync(id)
            ? await ChangeAsync(product => product.MovePhotoAsync(photoId, position, Cooperative.Actor), "photo_moved")
            : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        PhotoVariants? removed = null;
        var result = await ChangeAsync(async product => removed = await product.RemovePhotoAsync(photoId, Cooperative.Actor), "photo_removed");
        if (Error is null && removed is { } photo)
        {
            await photos.DeleteAsync(photo, CancellationToken.None);
        }
        return result;
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id) ? await ChangeAsync(product => product.PublishAsync(Cooperative.Actor), "published") : NotFound();

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id) ? await ChangeAsync(product => product.ArchiveAsync(Cooperative.Actor), "archived") : NotFound();

    /// <summary>Only this cooperative's products: another cooperative's id in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        Today = VietnamCalendar.Today(clock);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.CooperativeId == Cooperative.Id);
        if (product is null)
        {
            return false;
        }
        Product = product;
        Adjustments = await db.StockAdjustments.AsNoTracking().Where(a => a.ProductId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(AdjustmentsShown).ToListAsync();
        return true;
    }

    private IProductGrain Grain => grains.GetGrain<IProductGrain>(Product.Id);

    private async Task<IActionResult> ChangeAsync(Func<IProductGrain, Task> change, string done) =>
        await Refusal.OfAsync(() => change(Grain)) is { } refusal
            ? await ProblemAsync(refusal.Code)
            : Redirect($"/portal/{Cooperative.Slug}/products/{Product.Id}?done={done}");

    /// <summary>Nothing of the failed change is kept: the page shows the product as stored, with the reason.</summary>
    private async Task<PageResult> ProblemAsync(string? code)
    {
        Error = code is null ? null : $"error.{code}";
        await LoadAsync(Product.Id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

/// <summary>A stock change typed in the portal: a signed whole number, a reason, and a note (required for "other").</summary>
public sealed class StockForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["product.stock_negative"] = nameof(Delta), ["product.stock_too_large"] = nameof(Delta), ["stock.delta_zero"] = nameof(Delta),
        ["stock.reason_unknown"] = nameof(Reason), ["stock.note"] = nameof(Note),
    };

    public string? Delta { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }
}
