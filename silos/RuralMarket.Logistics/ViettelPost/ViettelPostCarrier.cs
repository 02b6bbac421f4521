using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.ViettelPost;

/// <summary>
/// Viettel Post's partner API (<c>Token</c> header, envelopes <c>{status, error, message, data}</c>), with the
/// address-as-text ("NLP") forms of its price and create calls, since we keep names rather than its numeric place ids.
/// Its steps arrive by webhook, so nothing is polled.
/// </summary>
public sealed class ViettelPostCarrier(IHttpClientFactory clients, IOptions<ViettelPostOptions> options) : ICarrier
{
    public const string CarrierCode = "viettelpost";
    public const string HttpClientName = "carrier-viettelpost";

    public string Code => CarrierCode;

    public bool IsOn => options.Value.Enabled;

    public bool IsPolled => false;

    public async Task<Money?> QuoteAsync(CarrierParcel parcel, CancellationToken cancellationToken)
    {
        var body = Goods(parcel);
        body["SENDER_ADDRESS"] = Address(parcel.Sender);
        body["RECEIVER_ADDRESS"] = Address(parcel.Recipient);
        var data = await PostAsync("order/getPriceAllNlp", body, cancellationToken);
        var service = options.Value.Service;
        if (data.ValueKind == JsonValueKind.Array)
        {
            foreach (var offer in data.EnumerateArray())
            {
                if (offer.TryGetProperty("MA_DV_CHINH", out var code) && code.ToString() == service)
                {
                    return Money.FromDong(CarrierHttp.Whole(offer, Code, "GIA_CUOC"));
                }
            }
        }
        throw new CarrierException(Code, $"no price for service {service}");
    }

    public async Task<CarrierBooking> BookAsync(CarrierParcel parcel, CancellationToken cancellationToken)
    {
        var body = Goods(parcel);
        body["ORDER_NUMBER"] = parcel.OrderCode;
        body["SENDER_FULLNAME"] = parcel.Sender.End.Name;
        body["SENDER_PHONE"] = parcel.Sender.End.Phone;
        body["SENDER_ADDRESS"] = Address(parcel.Sender);
        body["RECEIVER_FULLNAME"] = parcel.Recipient.End.Name;
        body["RECEIVER_PHONE"] = parcel.Recipient.End.Phone;
        body["RECEIVER_ADDRESS"] = Address(parcel.Recipient);
        body["PRODUCT_NAME"] = parcel.OrderCode;
        body["PRODUCT_LENGTH"] = parcel.Parcel.LengthCm;
        body["PRODUCT_WIDTH"] = parcel.Parcel.WidthCm;
        body["PRODUCT_HEIGHT"] = parcel.Parcel.HeightCm;
        body["ORDER_PAYMENT"] = parcel.CashOnDelivery == Money.Zero ? 1 : 3; // 1: collect nothing; 3: collect the goods' price
        body["ORDER_NOTE"] = "Cho xem hàng, không cho thử";
        var data = await PostAsync("order/createOrderNlp", body, cancellationToken);
        return new CarrierBooking(CarrierHttp.Text(data, Code, "ORDER_NUMBER").ToUpperInvariant(), options.Value.Service,
            Money.FromDong(CarrierHttp.Whole(data, Code, "MONEY_TOTAL")));
    }

    public Task CancelAsync(string waybill, CancellationToken cancellationToken) =>
        PostAsync("order/UpdateOrder", new JsonObject { ["TYPE"] = 4, ["ORDER_NUMBER"] = waybill, ["NOTE"] = "Hủy đơn" }, cancellationToken);

    public Task<IReadOnlyList<ShipmentReport>> FetchStepsAsync(string waybill, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ShipmentReport>>([]);

    private JsonObject Goods(CarrierParcel parcel) => new()
    {
        ["PRODUCT_TYPE"] = "HH",
        ["PRODUCT_QUANTITY"] = 1,
        ["PRODUCT_WEIGHT"] = parcel.Parcel.WeightGrams,
        ["PRODUCT_PRICE"] = parcel.CashOnDelivery.Dong,
        ["MONEY_COLLECTION"] = parcel.CashOnDelivery.Dong,
        ["ORDER_SERVICE"] = options.Value.Service,
        ["ORDER_SERVICE_ADD"] = string.Empty,
        ["NATIONAL_TYPE"] = 1,
    };

    private static string Address(CarrierParty party) => $"{party.End.Address.Street}, {party.End.Address.Commune}, {party.ProvinceName}";

    private Task<JsonElement> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        CarrierHttp.PostAsync(clients.CreateClient(HttpClientName), Code, path, body,
            envelope => envelope.TryGetProperty("status", out var status) && status.TryGetInt32(out var value) && value == 200
                && !(envelope.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True), cancellationToken);
}
