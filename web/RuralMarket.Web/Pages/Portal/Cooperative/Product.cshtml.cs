using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Photos;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>One of the cooperative's products: its photos (upload, order, cover, remove), publishing and archiving.</summary>
// Kestrel's 30 MB default stays the hard cap; up to it, the pipeline answers a too-large photo beside the field.
public sealed class ProductModel(RuralMarketDbContext db, PhotoPipeline photos, TimeProvider clock) : PortalPageModel
{
    public const int CertificateWarningDays = 60;

    private static readonly HashSet<string> Notices = ["photo_added", "photo_moved", "photo_removed", "published", "archived"];

    public Product Product { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>A resource key for the problem with the last post, shown beside the photo field.</summary>
    public string? Error { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public string? Notice => Done is not null && Notices.Contains(Done) ? $"portal.done.{Done}" : null;

    public bool CertificateExpired => Product.Certificate is { } c && c.ExpiresOn < Today;

    public bool CertificateExpiresSoon => Product.Certificate is { } c && !CertificateExpired && c.ExpiresOn <= Today.AddDays(CertificateWarningDays);

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
            var result = await ChangeAsync(now => Product.AddPhoto(stored, now), "photo.added", "photo_added", cancellationToken);
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

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid photoId, int position, CancellationToken cancellationToken) =>
        await LoadAsync(id)
            ? await ChangeAsync(now => Product.MovePhoto(photoId, position, now), "photo.moved", "photo_moved", cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        PhotoVariants? removed = null;
        var result = await ChangeAsync(now => removed = Product.RemovePhoto(photoId, now), "photo.removed", "photo_removed", cancellationToken);
        if (Error is null && removed is { } photo)
        {
            await photos.DeleteAsync(photo, CancellationToken.None);
        }
        return result;
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id) ? await ChangeAsync(now => Product.Publish(now), "product.published", "published", cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id) ? await ChangeAsync(now => Product.Archive(now), "product.archived", "archived", cancellationToken) : NotFound();

    /// <summary>Only this cooperative's products: another cooperative's id in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        Today = VietnamCalendar.Today(clock);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.CooperativeId == Cooperative.Id);
        if (product is null)
        {
            return false;
        }
        Product = product;
        return true;
    }

    private async Task<IActionResult> ChangeAsync(Action<DateTimeOffset> change, string action, string done, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            change(now);
            db.ActivityLog.Add(Cooperative.Activity(action, Product.Name, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            return await ProblemAsync(error.Code);
        }
        return Redirect($"/portal/{Cooperative.Slug}/products/{Product.Id}?done={done}");
    }

    /// <summary>Nothing of the failed change is kept: the page shows the product as stored, with the reason.</summary>
    private async Task<PageResult> ProblemAsync(string code)
    {
        Error = $"error.{code}";
        db.ChangeTracker.Clear();
        await LoadAsync(Product.Id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
