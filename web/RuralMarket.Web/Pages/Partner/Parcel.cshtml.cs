using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Logistics;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Partner;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Pages.Partner;

/// <summary>
/// One parcel of this partner: who sends and who receives it, what to collect, its history, and a button for each
/// step it can take next. A form sent twice is recorded once: its key is the step and how much history the page saw.
/// </summary>
public sealed class ParcelModel(RuralMarketDbContext db, IGrainFactory grains, ParcelLabelFiles labels, TimeProvider clock) : PartnerPageModel
{
    public const int MaxNoteLength = 300;

    /// <summary>The steps a partner reports by hand, in the order a parcel usually takes them.</summary>
    public static readonly ShipmentStatus[] Steps =
    [
        ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered,
        ShipmentStatus.DeliveryFailed, ShipmentStatus.Returning, ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged,
    ];

    public ShipmentView View { get; private set; } = null!;

    public Shipment Shipment => View.Shipment;

    public string? Error { get; private set; }

    [BindProperty]
    public StepForm Step { get; set; } = new();

    public IEnumerable<ShipmentStatus> NextSteps => Steps.Where(Shipment.CanMoveTo);

    public async Task<IActionResult> OnGetAsync(string waybill, CancellationToken cancellationToken) =>
        await LoadAsync(waybill, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetLabelAsync(string waybill, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(waybill, cancellationToken))
        {
            return NotFound();
        }
        var (pdf, name) = await labels.LabelAsync(Shipment, Partner.Name, TraceLinks.SiteOf(Request), cancellationToken);
        return File(pdf, ParcelLabelFiles.ContentType, name);
    }

    public async Task<IActionResult> OnPostStepAsync(string waybill, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(waybill, cancellationToken))
        {
            return NotFound();
        }
        if (!Enum.TryParse<ShipmentStatus>(Step.Status, out var status) || !Steps.Contains(status) || !Enum.IsDefined(status))
        {
            return await ProblemAsync("error.shipment.illegal_step", cancellationToken);
        }
        var reason = DeliveryFailureReason.None;
        if (status == ShipmentStatus.DeliveryFailed && (!Enum.TryParse(Step.Reason, out reason) || !Enum.IsDefined(reason)))
        {
            return await ProblemAsync("error.shipment.failure_reason", cancellationToken);
        }
        Money? cash = null;
        try
        {
            if (status == ShipmentStatus.Delivered)
            {
                cash = Money.Parse(Step.CashCollected, "shipment.cash_collected");
            }
        }
        catch (DomainException)
        {
            return await ProblemAsync("error.shipment.cash_collected", cancellationToken);
        }
        var note = (Step.Note ?? string.Empty).Trim();
        if (note.Length > MaxNoteLength)
        {
            return await ProblemAsync("partner.parcel.note_too_long", cancellationToken);
        }
        var report = new ShipmentReport($"portal/{Step.Seen}/{status}", status, string.Empty, clock.GetUtcNow(), ReportSource.PartnerPortal, reason, note, cash);
        return await Refusal.OfAsync(() => grains.GetGrain<IShipmentGrain>(Shipment.Id).ReportAsync(report)) is { } refusal
            ? await ProblemAsync($"error.{refusal.Code}", cancellationToken)
            : Redirect($"/partner/{Partner.Slug}/parcels/{Shipment.Waybill}");
    }

    private async Task<IActionResult> ProblemAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(Shipment.Waybill, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Only this partner's parcels: another partner's waybill in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(string waybill, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.PartnerId == Partner.Id && s.Waybill == waybill, cancellationToken);
        if (shipment is null)
        {
            return false;
        }
        View = new ShipmentView(shipment, Partner.Name);
        return true;
    }
}

/// <summary>One reported step. <see cref="Seen"/> is how many entries the page showed, so a resent form is the same event.</summary>
public sealed class StepForm
{
    public string? Status { get; set; }

    public int Seen { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public string? CashCollected { get; set; }
}
