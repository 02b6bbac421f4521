namespace RuralMarket.Web.Tests.Journey;

/// <summary>A buyer putting one unit of the seed's miến dong in the cart and checking out with a Hà Nội address and a chosen payment.</summary>
public static class PrepaidCheckout
{
    /// <summary>The platform's collection account the VietQR tests switch on.</summary>
    public static IReadOnlyDictionary<string, string?> VietQrSettings { get; } = new Dictionary<string, string?>
    {
        ["Payments:VietQr:Enabled"] = "true", ["Payments:VietQr:Bin"] = "970436", ["Payments:VietQr:AccountNumber"] = "1023456789",
        ["Payments:VietQr:AccountHolder"] = "CONG TY RURALMARKET", ["Payments:VietQr:BankName"] = "Vietcombank",
    };

    public static Task<HttpResponseMessage> AddToCartAsync(HttpClient client, Guid productId) =>
        client.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", productId.ToString()), ("quantity", "1"));

    /// <summary>Sends the checkout form; <paramref name="payment"/> is the form's value (<c>cod</c>, <c>transfer</c>, <c>card</c>, or anything a hostile form sends).</summary>
    public static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, string payment, string name = "Nguyễn Thị Lan") =>
        client.PostFormAsync("/checkout", "/checkout", ("Form.Name", name), ("Form.Phone", "0912345678"), ("Form.ProvinceCode", "HN"),
            ("Form.Commune", "Phường Ba Đình"), ("Form.Street", "12 Phan Đình Phùng"), ("Form.Payment", payment));
}
