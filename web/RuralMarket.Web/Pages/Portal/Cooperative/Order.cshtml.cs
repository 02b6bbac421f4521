using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Logistics;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Portal;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// One incoming order: confirm it, reject it with a reason (its stock returns), mark it packed, book its parcel with a
/// postal partner (or cancel that booking before pickup), follow the parcel, and take returned goods back.
/// </summary>
public sealed class OrderModel(RuralMarketDbContext db, IGrainFactory grains, ParcelLabelFiles labels) : PortalPageModel
{
    public const int MaxReasonLength = 300;

    public Order Order { get; private set; } = null!;

    public string ProvinceName { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ShipmentView? Shipment { get; private set; }

    /// <summary>The postal partners a packed order can be booked with.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    [BindProperty]
    public ParcelForm Parcel { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(string code) =>
        ChangeAsync(code, order => order.ConfirmAsync(Cooperative.Actor));

    /// <summary>Batches a confirmed order's lines could be packed from (those still holding the whole line), per product.</summary>
    public ILookup<Guid, PackableBatch> PackableBatches { get; private set; } = Array.Empty<PackableBatch>().ToLookup(b => b.ProductId);

    /// <summary>The packer's choice per product: a batch id, or empty for first in, first out.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Batches { get; set; } = [];

    public async Task<IActionResult> OnPostPackAsync(string code)
    {
        var choices = new Dictionary<Guid, Guid>();
        foreach (var (productId, value) in Batches.Where(b => !string.IsNullOrEmpty(b.Value)))
        {
            if (!Guid.TryParse(value, out var batchId))
            {
                return await LoadAsync(code) ? await ProblemAsync("error.batch.not_found") : NotFound();
            }
            choices[productId] = batchId;
        }
        return await ChangeAsync(code, order => order.PackAsync(Cooperative.Actor, choices));
    }

    public async Task<IActionResult> OnPostRejectAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        var reason = Reason?.Trim().Normalize() ?? string.Empty;
        return reason.Length is 0 or > MaxReasonLength
            ? await ProblemAsync("portal.order.reason_required")
            : await ChangeAsync(code, order => order.CancelAsync(CancellationReason.ByCooperative, reason, Cooperative.Actor));
    }

    public async Task<IActionResult> OnGetLabelAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code) || Shipment is not { } parcel)
        {
            return NotFound();
        }
        var (pdf, name) = await labels.LabelAsync(parcel.Shipment, parcel.PartnerName, TraceLinks.SiteOf(Request), cancellationToken);
        return File(pdf, ParcelLabelFiles.ContentType, name);
    }

    public async Task<IActionResult> OnPostBookAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        Parcel box;
        try
        {
            box = new Parcel(Parcel.WeightGrams, Parcel.LengthCm, Parcel.WidthCm, Parcel.HeightCm);
        }
        catch (DomainException refusal)
        {
            return await ProblemAsync($"error.{refusal.Code}");
        }
        return await ChangeAsync(code, order => order.BookShipmentAsync(Parcel.PartnerId, box, Cooperative.Actor));
    }

    public async Task<IActionResult> OnPostCancelShipmentAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        return Order.ShipmentId is { } shipmentId
            ? await RedirectUnlessRefusedAsync(() => grains.GetGrain<IShipmentGrain>(shipmentId).CancelAsync(Cooperative.Actor))
            : await ProblemAsync("error.shipment.not_found");
    }

    public Task<IActionResult> OnPostReturnReceivedAsync(string code) =>
        ChangeAsync(code, order => order.ConfirmReturnReceivedAsync(Cooperative.Actor));

    private async Task<IActionResult> ChangeAsync(string code, Func<IOrderGrain, Task> change)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        return await RedirectUnlessRefusedAsync(() => change(grains.GetGrain<IOrderGrain>(Order.Id)));
    }

    private async Task<IActionResult> RedirectUnlessRefusedAsync(Func<Task> change) =>
        await Refusal.OfAsync(change) is { } refusal
            ? await ProblemAsync($"error.{refusal.Code}")
            : Redirect($"/portal/{Cooperative.Slug}/orders/{Order.Code}");

    /// <summary>Only this cooperative's orders: another cooperative's order code in the URL is simply not found.</summary>
    private async Task<bool> LoadAsync(string code)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code && o.CooperativeId == Cooperative.Id);
        if (order is null)
        {
            return false;
        }
        Order = order;
        ProvinceName = await db.Provinces.NameOfAsync(order.DeliveryAddress.ProvinceCode);
        Shipment = await ShipmentView.OfOrderAsync(db, order.ShipmentId, HttpContext.RequestAborted);
        if (order.Status == OrderStatus.Confirmed)
        {
            PackableBatches = await PackableBatch.ForAsync(db, order, HttpContext.RequestAborted);
        }
        if (order.Status == OrderStatus.Packed && Shipment is null)
        {
            Partners = (await db.PostalPartners.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync())
                .Select(p => (p.Id, p.Name)).ToList();
            if (Request.Method == HttpMethods.Get)
            {
                Parcel = ParcelForm.For(order);
            }
        }
        return true;
    }

    /// <summary>Nothing of the failed change is kept: the page shows the order as stored, with the reason.</summary>
    private async Task<IActionResult> ProblemAsync(string key)
    {
        Error = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(Order.Code) ? Page() : NotFound();
    }
}

/// <summary>The parcel a cooperative hands over: which partner, and the box as weighed and measured.</summary>
public sealed class ParcelForm
{
    /// <summary>Box and packing on top of the goods, when the form first suggests a weight.</summary>
    private const int PackingGrams = 200;

    public Guid PartnerId { get; set; }

    public int WeightGrams { get; set; }

    public int LengthCm { get; set; } = 30;

    public int WidthCm { get; set; } = 20;

    public int HeightCm { get; set; } = 15;

    public static ParcelForm For(Order order) => new() { WeightGrams = (int)Math.Min(order.WeightGrams + PackingGrams, Domain.Logistics.Parcel.MaxWeightGrams) };
}
