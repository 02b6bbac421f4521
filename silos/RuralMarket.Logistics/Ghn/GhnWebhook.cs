using System.Globalization;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Webhooks;

namespace RuralMarket.Logistics.Ghn;

/// <summary>
/// GHN's order callback: one JSON object per change with <c>OrderCode</c>, <c>Status</c>, <c>Time</c> (ISO 8601),
/// <c>Type</c> (<c>create</c>, <c>switch_status</c>, <c>update_weight</c>, <c>update_cod</c>, <c>update_fee</c>),
/// <c>CODAmount</c>, <c>Reason</c>. GHN signs nothing, so the partner's secret travels in the URL or a header.
/// </summary>
public sealed class GhnWebhook : ICarrierWebhook
{
    public string Carrier => GhnCarrier.CarrierCode;

    public CarrierWebhookMessage Read(string body)
    {
        var json = WebhookJson.Object(Carrier, body);
        var waybill = json.RequiredText(Carrier, "OrderCode", 40).ToUpperInvariant();
        var status = json.RequiredText(Carrier, "Status", 60).ToLowerInvariant();
        if (!DateTimeOffset.TryParse(json.RequiredText(Carrier, "Time", 40), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new MalformedWebhookException(Carrier, "Time is not a date");
        }
        var type = json.OptionalText("Type")?.ToLowerInvariant() ?? "switch_status";
        if (type.StartsWith("update_", StringComparison.Ordinal))
        {
            return new CarrierWebhookMessage([new WaybillStep(waybill, null)], null);
        }
        var reasonText = json.OptionalText("Reason") ?? string.Empty;
        var cash = json.OptionalWhole("CODAmount") is { } dong and >= 0 ? Money.FromDong(dong) : (Money?)null;
        var note = Note(reasonText, json.OptionalText("Warehouse"));
        var report = GhnStatuses.Report(status, at, ReportSource.Webhook, note, cash, FailureReasons.FromText(reasonText));
        return new CarrierWebhookMessage([new WaybillStep(waybill, report)], null);
    }

    private static string Note(string reason, string? warehouse)
    {
        var note = reason.Length > 0 ? reason : warehouse ?? string.Empty;
        return note.Length > 300 ? note[..300] : note;
    }
}
