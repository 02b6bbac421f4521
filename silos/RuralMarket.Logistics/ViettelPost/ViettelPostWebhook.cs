using System.Globalization;
using System.Text.Json;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Webhooks;

namespace RuralMarket.Logistics.ViettelPost;

/// <summary>
/// Viettel Post's status callback: <c>{"DATA": {ORDER_NUMBER, ORDER_STATUS, ORDER_STATUSDATE, NOTE, MONEY_COLLECTION, …},
/// "TOKEN": "…"}</c>, where TOKEN is the secret the shop gave Viettel Post and the date is Vietnam time as
/// <c>dd/MM/yyyy HH:mm:ss</c>.
/// </summary>
public sealed class ViettelPostWebhook : ICarrierWebhook
{
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    public string Carrier => ViettelPostCarrier.CarrierCode;

    public CarrierWebhookMessage Read(string body)
    {
        var json = WebhookJson.Object(Carrier, body);
        var token = json.OptionalText("TOKEN");
        if (!json.TryGetProperty("DATA", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedWebhookException(Carrier, "DATA is missing");
        }
        var waybill = data.RequiredText(Carrier, "ORDER_NUMBER", 40).ToUpperInvariant();
        if (data.OptionalWhole("ORDER_STATUS") is not { } code || code is < -1000 or > 10_000)
        {
            throw new MalformedWebhookException(Carrier, "ORDER_STATUS is not a status number");
        }
        var at = When(data.RequiredText(Carrier, "ORDER_STATUSDATE", 30));
        var note = data.OptionalText("NOTE") ?? data.OptionalText("STATUS_NAME") ?? string.Empty;
        var cash = data.OptionalWhole("MONEY_COLLECTION") is { } dong and >= 0 ? Money.FromDong(dong) : (Money?)null;
        var status = (int)code;
        var report = ViettelPostStatuses.Table.Report(status, $"viettelpost/{status}/{at.UtcDateTime:yyyyMMddTHHmmss}", at, ReportSource.Webhook,
            note.Length > 300 ? note[..300] : note, FailureReasons.FromText(note), cash);
        return new CarrierWebhookMessage([new WaybillStep(waybill, report)], token);
    }

    private DateTimeOffset When(string text) =>
        DateTime.TryParseExact(text, ["dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy H:mm:ss", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamTime)
            : throw new MalformedWebhookException(Carrier, "ORDER_STATUSDATE is not dd/MM/yyyy HH:mm:ss");
}
