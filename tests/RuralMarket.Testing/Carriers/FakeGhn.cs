namespace RuralMarket.Testing.Carriers;

/// <summary>
/// A fake of GHN's public API (<c>/v2/shipping-order/fee|create|detail</c>, <c>/v2/switch-status/cancel</c>) with its
/// <c>{code, message, data}</c> envelopes. It answers any token; tests check the headers the adapter sent.
/// </summary>
public sealed class FakeGhn : FakeHttpService
{
    public const string Token = "fake-ghn-token";
    public const string ShopId = "885";
    public const string FeePath = "/v2/shipping-order/fee";
    public const string CreatePath = "/v2/shipping-order/create";
    public const string DetailPath = "/v2/shipping-order/detail";
    public const string CancelPath = "/v2/switch-status/cancel";

    public FakeGhn()
    {
        WillQuote(36_300);
        WillBook("GHNFAKE01", 32_000);
        Answer(CancelPath, 200, new { code = 200, message = "Success", data = Array.Empty<object>() });
        WillLog();
    }

    /// <summary>Configuration that switches the GHN adapter on against this fake.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Carriers:Ghn:Enabled"] = "true", ["Carriers:Ghn:BaseUrl"] = BaseUrl, ["Carriers:Ghn:Token"] = Token, ["Carriers:Ghn:ShopId"] = ShopId,
    };

    public void WillQuote(long total, TimeSpan? delay = null) =>
        Answer(FeePath, 200, new { code = 200, message = "Success", data = new { total, service_fee = total, insurance_fee = 0 } }, delay);

    public void WillBook(string waybill, long fee) =>
        Answer(CreatePath, 200, new { code = 200, message = "Success", data = new { order_code = waybill, total_fee = fee, expected_delivery_time = "2026-12-05T16:59:59Z" } });

    /// <summary>The order's log as the detail call gives it: (status, time) pairs.</summary>
    public void WillLog(params (string Status, DateTimeOffset At)[] log) =>
        Answer(DetailPath, 200, new
        {
            code = 200, message = "Success",
            data = new { status = log.Length > 0 ? log[^1].Status : "ready_to_pick", log = log.Select(l => new { status = l.Status, updated_date = l.At }) },
        });

    /// <summary>GHN's answer to a request it will not do: HTTP 400 with its code and message.</summary>
    public void WillRefuse(string path, string message) => Answer(path, 400, new { code = 400, message, data = (object?)null });
}
