using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.VnPost;

/// <summary>
/// Vietnam Post's MyVNPost customer API (<c>h-token</c> header; answers are the object itself, a refusal is an HTTP
/// error with a <c>message</c>). It sends no webhooks, so open parcels are polled: each poll reads the parcel's current
/// status and when it was set, which is one step per status change. It does not quote here: the weight table prices
/// its parcels at checkout.
/// </summary>
public sealed class VnPostCarrier(IHttpClientFactory clients, IOptions<VnPostOptions> options) : ICarrier
{
    public const string CarrierCode = "vnpost";
    public const string HttpClientName = "carrier-vnpost";

    public string Code => CarrierCode;

    public bool IsOn => options.Value.Enabled;

    public bool IsPolled => true;

    public Task<Money?> QuoteAsync(CarrierParcel parcel, CancellationToken cancellationToken) => Task.FromResult<Money?>(null);

    public async Task<CarrierBooking> BookAsync(CarrierParcel parcel, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["OrderCode"] = parcel.OrderCode,
            ["ServiceName"] = options.Value.Service,
            ["SenderFullname"] = parcel.Sender.End.Name,
            ["SenderTel"] = parcel.Sender.End.Phone,
            ["SenderAddress"] = Address(parcel.Sender),
            ["ReceiverFullname"] = parcel.Recipient.End.Name,
            ["ReceiverTel"] = parcel.Recipient.End.Phone,
            ["ReceiverAddress"] = Address(parcel.Recipient),
            ["PackageContent"] = parcel.OrderCode,
            ["WeightEvaluation"] = parcel.Parcel.WeightGrams,
            ["LengthEvaluation"] = parcel.Parcel.LengthCm,
            ["WidthEvaluation"] = parcel.Parcel.WidthCm,
            ["HeightEvaluation"] = parcel.Parcel.HeightCm,
            ["CodAmountEvaluation"] = parcel.CashOnDelivery.Dong,
            ["IsPackageViewable"] = true, // the buyer may look at the goods before paying
            ["PickupType"] = 1, // the postman collects at the cooperative
        };
        var order = await PostAsync("CustomerConnect/CreateOrder", body, cancellationToken);
        return new CarrierBooking(CarrierHttp.Text(order, Code, "ItemCode").ToUpperInvariant(), options.Value.Service,
            Money.FromDong(CarrierHttp.Whole(order, Code, "TotalFreightIncludeVatEvaluation")));
    }

    public Task CancelAsync(string waybill, CancellationToken cancellationToken) =>
        PostAsync("CustomerConnect/CancelOrder", new JsonObject { ["ItemCode"] = waybill }, cancellationToken);

    public async Task<IReadOnlyList<ShipmentReport>> FetchStepsAsync(string waybill, CancellationToken cancellationToken)
    {
        var order = await PostAsync("CustomerConnect/GetOrderByItemCode", new JsonObject { ["ItemCode"] = waybill }, cancellationToken);
        if (order.ValueKind != JsonValueKind.Object
            || !order.TryGetProperty("OrderStatusId", out var status) || !status.TryGetInt32(out var code)
            || !order.TryGetProperty("LastUpdatedDate", out var when) || !when.TryGetDateTimeOffset(out var at))
        {
            return []; // without a status and its time there is no step to record
        }
        var note = order.TryGetProperty("DeliveryNote", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty;
        var cash = order.TryGetProperty("CodAmount", out var cod) && cod.TryGetInt64(out var dong) && dong >= 0 ? Money.FromDong(dong) : (Money?)null;
        return VnPostStatuses.Table.Report(code, $"vnpost/{code}/{at.ToUnixTimeMilliseconds()}", at, ReportSource.Poll, note, cashCollected: cash) is { } report
            ? [report]
            : [];
    }

    private static string Address(CarrierParty party) => $"{party.End.Address.Street}, {party.End.Address.Commune}, {party.ProvinceName}";

    private Task<JsonElement> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        CarrierHttp.PostAsync(clients.CreateClient(HttpClientName), Code, path, body, _ => true, cancellationToken, enveloped: false);
}
