using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.Ghn;

/// <summary>
/// Giao Hàng Nhanh's public API (<c>Token</c> and <c>ShopId</c> headers, JSON envelopes <c>{code, message, data}</c>):
/// fee, create, cancel and order detail, whose <c>log</c> gives the steps so far.
/// </summary>
public sealed class GhnCarrier(IHttpClientFactory clients, IOptions<GhnOptions> options) : ICarrier
{
    public const string CarrierCode = "ghn";
    public const string HttpClientName = "carrier-ghn";

    public string Code => CarrierCode;

    public bool IsOn => options.Value.Enabled;

    public bool IsPolled => true; // a backstop: GHN does not resend a webhook we failed to answer for ever

    public async Task<Money?> QuoteAsync(CarrierParcel parcel, CancellationToken cancellationToken)
    {
        var body = Box(parcel.Parcel);
        body["service_type_id"] = options.Value.ServiceTypeId;
        body["from_province_name"] = parcel.Sender.ProvinceName;
        body["from_ward_name"] = parcel.Sender.End.Address.Commune;
        body["to_province_name"] = parcel.Recipient.ProvinceName;
        body["to_ward_name"] = parcel.Recipient.End.Address.Commune;
        body["cod_value"] = parcel.CashOnDelivery.Dong;
        body["insurance_value"] = 0;
        var data = await PostAsync("v2/shipping-order/fee", body, cancellationToken);
        return Money.FromDong(CarrierHttp.Whole(data, Code, "total"));
    }

    public async Task<CarrierBooking> BookAsync(CarrierParcel parcel, CancellationToken cancellationToken)
    {
        var body = Box(parcel.Parcel);
        body["payment_type_id"] = 1; // the shop pays GHN; the buyer paid us the shipping fee
        body["required_note"] = options.Value.RequiredNote;
        body["client_order_code"] = parcel.OrderCode;
        body["service_type_id"] = options.Value.ServiceTypeId;
        body["cod_amount"] = parcel.CashOnDelivery.Dong;
        End(body, "from", parcel.Sender);
        End(body, "to", parcel.Recipient);
        body["items"] = new JsonArray(new JsonObject { ["name"] = parcel.OrderCode, ["quantity"] = 1, ["weight"] = parcel.Parcel.WeightGrams });
        var data = await PostAsync("v2/shipping-order/create", body, cancellationToken);
        return new CarrierBooking(CarrierHttp.Text(data, Code, "order_code").ToUpperInvariant(), options.Value.ServiceTypeId.ToString(CultureInfo.InvariantCulture),
            Money.FromDong(CarrierHttp.Whole(data, Code, "total_fee")));
    }

    public Task CancelAsync(string waybill, CancellationToken cancellationToken) =>
        PostAsync("v2/switch-status/cancel", new JsonObject { ["order_codes"] = new JsonArray(waybill) }, cancellationToken);

    public async Task<IReadOnlyList<ShipmentReport>> FetchStepsAsync(string waybill, CancellationToken cancellationToken)
    {
        var data = await PostAsync("v2/shipping-order/detail", new JsonObject { ["order_code"] = waybill }, cancellationToken);
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var steps = new List<ShipmentReport>();
        foreach (var entry in log.EnumerateArray())
        {
            if (entry.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                && entry.TryGetProperty("updated_date", out var when) && when.TryGetDateTimeOffset(out var at)
                && GhnStatuses.Report(status.GetString()!.ToLowerInvariant(), at, ReportSource.Poll, string.Empty, null) is { } report)
            {
                steps.Add(report);
            }
        }
        return steps.OrderBy(s => s.OccurredAt).ToList();
    }

    private Task<JsonElement> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        CarrierHttp.PostAsync(clients.CreateClient(HttpClientName), Code, path, body,
            envelope => envelope.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) && value == 200, cancellationToken);

    private static JsonObject Box(Parcel parcel) => new()
    {
        ["weight"] = parcel.WeightGrams, ["length"] = parcel.LengthCm, ["width"] = parcel.WidthCm, ["height"] = parcel.HeightCm,
    };

    private static void End(JsonObject body, string side, CarrierParty party)
    {
        body[$"{side}_name"] = party.End.Name;
        body[$"{side}_phone"] = party.End.Phone;
        body[$"{side}_address"] = $"{party.End.Address.Street}, {party.End.Address.Commune}, {party.ProvinceName}";
        body[$"{side}_ward_name"] = party.End.Address.Commune;
        body[$"{side}_province_name"] = party.ProvinceName;
    }
}
