namespace RuralMarket.Testing.Carriers;

/// <summary>
/// A fake of Viettel Post's partner API (<c>/order/getPriceAllNlp</c>, <c>/order/createOrderNlp</c>, <c>/order/UpdateOrder</c>)
/// with its <c>{status, error, message, data}</c> envelopes.
/// </summary>
public sealed class FakeViettelPost : FakeHttpService
{
    public const string Token = "fake-viettelpost-token";
    public const string PricePath = "/order/getPriceAllNlp";
    public const string CreatePath = "/order/createOrderNlp";
    public const string UpdatePath = "/order/UpdateOrder";

    public FakeViettelPost()
    {
        WillQuote(("VCN", 41_000), ("LCOD", 29_000));
        WillBook("1850123456789", 38_500);
        Answer(UpdatePath, 200, new { status = 200, error = false, message = "OK", data = (object?)null });
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Carriers:ViettelPost:Enabled"] = "true", ["Carriers:ViettelPost:BaseUrl"] = BaseUrl, ["Carriers:ViettelPost:Token"] = Token,
    };

    public void WillQuote(params (string Service, long Price)[] offers) =>
        Answer(PricePath, 200, new
        {
            status = 200, error = false, message = "OK",
            data = offers.Select(o => new { MA_DV_CHINH = o.Service, TEN_DICHVU = o.Service, GIA_CUOC = o.Price, THOI_GIAN = "24 giờ" }),
        });

    public void WillBook(string waybill, long total) =>
        Answer(CreatePath, 200, new
        {
            status = 200, error = false, message = "OK",
            data = new { ORDER_NUMBER = waybill, MONEY_COLLECTION = 0, MONEY_TOTAL = total, MONEY_TOTAL_FEE = total, KPI_HT = 24 },
        });

    /// <summary>Viettel Post's refusal: HTTP 200 with <c>error: true</c> and its message.</summary>
    public void WillRefuse(string path, string message) => Answer(path, 200, new { status = 205, error = true, message, data = (object?)null });
}
