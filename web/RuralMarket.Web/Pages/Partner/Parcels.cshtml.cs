using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Grains.Logistics;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Partner;

namespace RuralMarket.Web.Pages.Partner;

/// <summary>
/// The partner's day: parcels to pick up, grouped by cooperative (one tap each, or the waybill typed or scanned into
/// one field), and the parcels on their way. Only this partner's parcels, whatever is in the URL or the form.
/// </summary>
public sealed class ParcelsModel(RuralMarketDbContext db, IGrainFactory grains, ParcelLabelFiles labels, TimeProvider clock) : PartnerPageModel
{
    public const int MaxWaybillLength = 40;

    private static readonly ShipmentStatus[] OnTheWay =
        [ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.DeliveryFailed, ShipmentStatus.Returning];

    public IReadOnlyList<IGrouping<string, Shipment>> Pickups { get; private set; } = [];

    public IReadOnlyList<Shipment> Open { get; private set; } = [];

    [BindProperty]
    public string? Waybill { get; set; }

    [TempData]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Every parcel waiting for pickup, a page per cooperative, to sign at handover.</summary>
    public async Task<IActionResult> OnGetPickupSheetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var (pdf, name) = await labels.PickupSheetAsync(Partner.Name, Pickups.SelectMany(g => g).ToList(), today, cancellationToken);
        return File(pdf, ParcelLabelFiles.ContentType, name);
    }

    /// <summary>The scan field: a parcel waiting for pickup is picked up; any other parcel of this partner opens.</summary>
    public async Task<IActionResult> OnPostScanAsync(CancellationToken cancellationToken)
    {
        var waybill = (Waybill ?? string.Empty).Trim().ToUpperInvariant();
        var shipment = waybill.Length is > 0 and <= MaxWaybillLength
            ? await db.Shipments.AsNoTracking().Where(s => s.PartnerId == Partner.Id && s.Waybill == waybill)
                .Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (shipment is null)
        {
            return await ProblemAsync("partner.scan.unknown", cancellationToken);
        }
        return shipment.Status == ShipmentStatus.Booked
            ? await PickUpAsync(shipment.Id, waybill, cancellationToken)
            : Redirect($"/partner/{Partner.Slug}/parcels/{waybill}");
    }

    public async Task<IActionResult> OnPostPickUpAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        var waybill = await db.Shipments.AsNoTracking().Where(s => s.PartnerId == Partner.Id && s.Id == shipmentId)
            .Select(s => s.Waybill).SingleOrDefaultAsync(cancellationToken);
        return waybill is null ? NotFound() : await PickUpAsync(shipmentId, waybill, cancellationToken);
    }

    private async Task<IActionResult> PickUpAsync(Guid shipmentId, string waybill, CancellationToken cancellationToken)
    {
        var report = new ShipmentReport($"portal/pickup/{waybill}", ShipmentStatus.PickedUp, string.Empty, clock.GetUtcNow(), ReportSource.PartnerPortal);
        if (await Refusal.OfAsync(() => grains.GetGrain<IShipmentGrain>(shipmentId).ReportAsync(report)) is { } refusal)
        {
            return await ProblemAsync($"error.{refusal.Code}", cancellationToken);
        }
        Done = waybill;
        return Redirect($"/partner/{Partner.Slug}");
    }

    private async Task<IActionResult> ProblemAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = db.Shipments.AsNoTracking().Where(s => s.PartnerId == Partner.Id);
        var waiting = await mine.Where(s => s.Status == ShipmentStatus.Booked).OrderBy(s => s.BookedAt).Take(500).ToListAsync(cancellationToken);
        Pickups = waiting.GroupBy(s => s.Sender.Name).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Open = await mine.Where(s => OnTheWay.Contains(s.Status)).OrderBy(s => s.LastStepAt).Take(500).ToListAsync(cancellationToken);
    }
}
