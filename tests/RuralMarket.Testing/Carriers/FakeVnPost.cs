namespace RuralMarket.Testing.Carriers;

/// <summary>
/// A fake of Vietnam Post's MyVNPost customer API (<c>/CustomerConnect/CreateOrder|CancelOrder|GetOrderByItemCode</c>),
/// answering the object itself and refusing with an HTTP error and a message.
/// </summary>
public sealed class FakeVnPost : FakeHttpService
{
    public const string Token = "fake-vnpost-token";
    public const string CreatePath = "/CustomerConnect/CreateOrder";
    public const string CancelPath = "/CustomerConnect/CancelOrder";
    public const string OrderPath = "/CustomerConnect/GetOrderByItemCode";

    public FakeVnPost()
    {
        WillBook("EB123456785VN", 27_500);
        Answer(CancelPath, 200, new { ItemCode = "EB123456785VN", OrderStatusId = 3 });
        WillShow(1, new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.FromHours(7)));
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Carriers:VnPost:Enabled"] = "true", ["Carriers:VnPost:BaseUrl"] = BaseUrl, ["Carriers:VnPost:Token"] = Token,
    };

    public void WillBook(string itemCode, long fee) =>
        Answer(CreatePath, 200, new { Id = Guid.NewGuid(), ItemCode = itemCode, OrderStatusId = 1, TotalFreightIncludeVatEvaluation = fee });

    /// <summary>The parcel's current status and when it was set, as polling reads it.</summary>
    public void WillShow(int status, DateTimeOffset at, long codAmount = 0, string note = "") =>
        Answer(OrderPath, 200, new { ItemCode = "EB123456785VN", OrderStatusId = status, LastUpdatedDate = at, CodAmount = codAmount, DeliveryNote = note });

    public void WillRefuse(string path, string message) => Answer(path, 400, new { message });
}
