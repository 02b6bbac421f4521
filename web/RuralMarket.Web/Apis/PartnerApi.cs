using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Logistics;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Partner;

namespace RuralMarket.Web.Apis;

/// <summary>
/// For postal partners' own systems, with a per-partner API key: the parcels to pick up, steps in batches (each with
/// the partner's event id, so sending a batch again is harmless), and COD remittances. A partner only ever sees and
/// reports its own parcels: another partner's waybill is answered as unknown.
/// </summary>
public static class PartnerApi
{
    public const int MaxEvents = 500;
    public const int MaxParcels = 500;

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/partner").WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerApi);
        api.MapGet("/parcels", ParcelsAsync).WithName("PartnerParcels");
        api.MapPost("/events", EventsAsync).WithName("PartnerEvents");
        api.MapPost("/remittances", RemitAsync).WithName("PartnerRemittances");
        return endpoints;
    }

    private static async Task<Results<Ok<ParcelList>, ProblemHttpResult>> ParcelsAsync(HttpContext http, string? status, RuralMarketDbContext db,
        IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var partnerId = PartnerKeyAuthentication.PartnerOf(http.User);
        ShipmentStatus? only = null;
        if (status is { Length: > 0 })
        {
            if (!TryStatus(status, out var parsed, allowBooked: true))
            {
                return (ProblemHttpResult)ApiProblems.BadRequest(text, "shipment.status_unknown", "status");
            }
            only = parsed;
        }
        var parcels = await db.Shipments.AsNoTracking()
            .Where(s => s.PartnerId == partnerId && (only == null || s.Status == only))
            .OrderBy(s => s.BookedAt).Take(MaxParcels).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ParcelList(parcels.Select(ParcelItem.From).ToList()));
    }

    private static async Task<Results<Ok<EventResults>, ProblemHttpResult>> EventsAsync(HttpContext http, EventBatch batch, RuralMarketDbContext db,
        IGrainFactory grains, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (batch.Events is not { Count: > 0 and <= MaxEvents } events)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "partner.events_count", "events");
        }
        var partnerId = PartnerKeyAuthentication.PartnerOf(http.User);
        var waybills = events.Select(e => e.Waybill?.Trim().ToUpperInvariant()).Where(w => w is { Length: > 0 and <= 40 }).Distinct().ToList();
        var mine = await db.Shipments.AsNoTracking().Where(s => s.PartnerId == partnerId && waybills.Contains(s.Waybill))
            .Select(s => new { s.Waybill, s.Id }).ToDictionaryAsync(s => s.Waybill, s => s.Id, cancellationToken);
        var results = new List<EventResult>(events.Count);
        foreach (var item in events)
        {
            results.Add(await ApplyAsync(item, mine, grains));
        }
        return TypedResults.Ok(new EventResults(results));
    }

    private static async Task<EventResult> ApplyAsync(PartnerEvent item, IReadOnlyDictionary<string, Guid> mine, IGrainFactory grains)
    {
        var waybill = item.Waybill?.Trim().ToUpperInvariant() ?? string.Empty;
        EventResult Refused(string code) => new(item.EventId, waybill, "refused", null, code);
        if (item.EventId is not { Length: > 0 and <= 80 })
        {
            return Refused("partner.event_id");
        }
        if (!mine.TryGetValue(waybill, out var shipmentId))
        {
            return Refused("shipment.not_found");
        }
        if (!TryStatus(item.Status, out var status))
        {
            return Refused("shipment.status_unknown");
        }
        var reason = DeliveryFailureReason.None;
        if (item.Reason is { Length: > 0 } && (!Enum.TryParse(item.Reason, ignoreCase: true, out reason) || item.Reason.Any(char.IsAsciiDigit)))
        {
            return Refused("shipment.failure_reason");
        }
        if (item.OccurredAt is not { } at)
        {
            return Refused("partner.occurred_at");
        }
        Money? cash = item.CashCollected is { } dong ? (dong >= 0 ? Money.FromDong(dong) : null) : null;
        if (item.CashCollected is < 0)
        {
            return Refused("shipment.cash_collected");
        }
        var report = new ShipmentReport($"api/{item.EventId}", status, string.Empty, at, ReportSource.PartnerApi, reason, item.Note ?? string.Empty, cash);
        ReportReceipt? receipt = null;
        return await Refusal.OfAsync(async () => receipt = await grains.GetGrain<IShipmentGrain>(shipmentId).ReportAsync(report)) is { } refusal
            ? Refused(refusal.Code)
            : new EventResult(item.EventId, waybill, Outcome(receipt!.Outcome), receipt.Status.ToString(), null);
    }

    private static async Task<Results<Ok<RemittanceAnswer>, ProblemHttpResult>> RemitAsync(HttpContext http, RemittanceRequest request, IGrainFactory grains,
        IStringLocalizer<SharedResource> text)
    {
        var partnerId = PartnerKeyAuthentication.PartnerOf(http.User);
        var reference = request.Reference?.Trim().Normalize() ?? string.Empty;
        if (reference.Length is 0 or > 60)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "partner.remit.reference", "reference");
        }
        if (request.RemittedOn is not { } day)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "partner.remit.date", "remittedOn");
        }
        if (request.Lines is not { Count: > 0 and <= Remittance.MaxLines } items)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, "remittance.lines", "lines");
        }
        var lines = new List<RemittanceLine>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                lines.Add(new RemittanceLine(items[i].Waybill ?? string.Empty, Money.FromDong(items[i].Amount), Money.FromDong(items[i].Fee)));
            }
            catch (DomainException refusal)
            {
                return (ProblemHttpResult)ApiProblems.BadRequest(text, refusal.Code, $"lines[{i}]");
            }
        }
        RemittanceReceipt? receipt = null;
        var report = new RemittanceReport(partnerId, reference, day, ReportSource.PartnerApi, lines);
        if (await Refusal.OfAsync(async () => receipt = await grains.GetGrain<IRemittanceGrain>(IRemittanceGrain.IdOf(partnerId, reference)).RecordAsync(report)) is { } refused)
        {
            return (ProblemHttpResult)ApiProblems.BadRequest(text, refused.Code, "lines");
        }
        return TypedResults.Ok(new RemittanceAnswer(receipt!.RemittanceId, receipt.Lines, receipt.TotalDong, receipt.AlreadyRecorded));
    }

    /// <summary>Our status names (<c>PickedUp</c>, <c>delivered</c>…); numbers are refused, not read as enum values. Booked is not a step one reports.</summary>
    private static bool TryStatus(string? text, out ShipmentStatus status, bool allowBooked = false)
    {
        status = default;
        return text is { Length: > 0 and <= 30 } && !text.Any(char.IsAsciiDigit) && Enum.TryParse(text, ignoreCase: true, out status)
            && (allowBooked || status is not ShipmentStatus.Booked);
    }

    private static string Outcome(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Applied => "applied",
        ReportOutcome.Duplicate => "duplicate",
        ReportOutcome.OutOfOrder => "out_of_order",
        _ => "unrecognised",
    };
}

public sealed record ParcelList(IReadOnlyList<ParcelItem> Items);

public sealed record ParcelEndItem(string Name, string Phone, string ProvinceCode, string Commune, string Street)
{
    public static ParcelEndItem From(ParcelEnd end) => new(end.Name, end.Phone, end.Address.ProvinceCode, end.Address.Commune, end.Address.Street);
}

public sealed record ParcelItem(string Waybill, string OrderCode, string Status, ParcelEndItem Sender, ParcelEndItem Recipient, int WeightGrams,
    long CashOnDeliveryDong, int FailedAttempts, DateTimeOffset BookedAt)
{
    public static ParcelItem From(Shipment s) => new(s.Waybill, s.OrderCode, s.Status.ToString(), ParcelEndItem.From(s.Sender), ParcelEndItem.From(s.Recipient),
        s.Parcel.WeightGrams, s.CashOnDelivery.Dong, s.FailedAttempts, s.BookedAt);
}

/// <summary>A batch of steps. <c>status</c> is one of ours: PickedUp, InTransit, OutForDelivery, Delivered, DeliveryFailed, Returning, Returned, LostOrDamaged, Cancelled.</summary>
public sealed record EventBatch([property: Required] IReadOnlyList<PartnerEvent>? Events);

public sealed record PartnerEvent(string? EventId, string? Waybill, string? Status, DateTimeOffset? OccurredAt, string? Reason, string? Note, long? CashCollected);

/// <summary>What became of each event: <c>applied</c>, <c>duplicate</c>, <c>out_of_order</c>, <c>unrecognised</c> or <c>refused</c> (with its code).</summary>
public sealed record EventResults(IReadOnlyList<EventResult> Results);

public sealed record EventResult(string? EventId, string Waybill, string Outcome, string? Status, string? Code);

public sealed record RemittanceRequest(string? Reference, DateOnly? RemittedOn, IReadOnlyList<RemittanceLineItem>? Lines);

public sealed record RemittanceLineItem(string? Waybill, long Amount, long Fee);

public sealed record RemittanceAnswer(Guid RemittanceId, int Lines, long TotalDong, bool AlreadyRecorded);
