using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Testing.Carriers;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// With GHN (its fake) quoting at checkout: the buyer sees the carrier's fee for the address and confirms it, the
/// order is charged exactly that, and a slow carrier never holds up or fails a checkout.
/// </summary>
public sealed partial class CheckoutQuoteTests : IAsyncLifetime
{
    private readonly FakeGhn _ghn = new();
    private RuralMarketApp _app = null!;
    private HttpClient _client = null!;
    private Guid _productId;
    private Guid _cooperativeId;

    public async Task InitializeAsync()
    {
        _app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?>(_ghn.Settings)
        {
            ["Carriers:Quotes:Carrier"] = "ghn", ["Carriers:Quotes:Timeout"] = "00:00:02",
        });
        _client = await _app.ReadyClientAsync();
        using (var warmUp = new HttpClient()) // a cold fake can answer its first call slower than the timeout
        {
            await warmUp.PostAsync(_ghn.BaseUrl + FakeGhn.FeePath.TrimStart('/'), new StringContent("{}"));
        }
        await using var db = NewContext();
        (_productId, _cooperativeId) = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong")
            .Select(p => new ValueTuple<Guid, Guid>(p.Id, p.CooperativeId)).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _ghn.Dispose();
    }

    [Fact]
    public async Task The_buyer_sees_the_carriers_fee_for_the_address_confirms_it_and_is_charged_exactly_that()
    {
        _ghn.WillQuote(36_300);
        await AddToCartAsync(2);
        var form = await _client.PageAsync("/checkout");
        Assert.Contains("phí chính xác được tính theo địa chỉ nhận hàng", form, StringComparison.Ordinal);
        var estimate = Seen(form);
        Assert.NotEqual(36_300, estimate);

        var quoted = await PostCheckoutAsync(form, "Phường Ba Đình");
        Assert.Equal(HttpStatusCode.OK, quoted.StatusCode);
        var page = await quoted.BodyAsync();
        Assert.Contains("Phí vận chuyển đã được tính lại theo địa chỉ của bạn", page, StringComparison.Ordinal);
        Assert.Contains("36.300\u00A0₫ (Giao Hàng Nhanh (GHN))", page, StringComparison.Ordinal);
        Assert.Equal(0, await OrderCountAsync());

        var placed = await PostCheckoutAsync(page, "Phường Ba Đình");
        Assert.Contains("Đặt hàng thành công", await placed.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(36_300, await ChargedAsync());
        var (_, body) = Assert.Single(_ghn.RequestsTo(FakeGhn.FeePath), r => r.Body.ValueKind == System.Text.Json.JsonValueKind.Object
            && r.Body.TryGetProperty("to_ward_name", out _)); // showing and placing heard one quote
        Assert.Equal(("Phường Ba Đình", "Hà Nội"), (body.GetProperty("to_ward_name").GetString(), body.GetProperty("to_province_name").GetString()));
    }

    [Fact]
    public async Task Quote_timeout_falls_back_to_the_weight_table_and_the_order_is_placed_at_once_at_the_fee_shown()
    {
        _ghn.WillQuote(36_300, delay: TimeSpan.FromSeconds(10));
        await AddToCartAsync(3);
        var form = await _client.PageAsync("/checkout");

        var started = TimeProvider.System.GetTimestamp();
        var placed = await PostCheckoutAsync(form, "Phường Hoàn Kiếm");

        Assert.Contains("Đặt hàng thành công", await placed.BodyAsync(), StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5), "the checkout waited for the slow carrier");
        Assert.Equal(Seen(form), await ChargedAsync());
    }

    [Fact]
    public async Task A_fee_sent_back_lower_than_the_quote_is_never_charged_and_the_buyer_is_shown_the_real_one()
    {
        _ghn.WillQuote(41_000);
        await AddToCartAsync(4);
        var form = await _client.PageAsync("/checkout");
        var tampered = ShippingSeen().Replace(form, m => $"{m.Groups[1].Value}1\"");

        var refused = await (await PostCheckoutAsync(tampered, "Phường Cửa Nam")).BodyAsync();
        Assert.Contains("41.000\u00A0₫", refused, StringComparison.Ordinal);
        Assert.Equal(0, await OrderCountAsync());

        await PostCheckoutAsync(refused, "Phường Cửa Nam");
        Assert.Equal(41_000, await ChargedAsync());
    }

    private Task AddToCartAsync(int quantity) =>
        _client.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", _productId.ToString()), ("quantity", quantity.ToString()));

    /// <summary>Sends the checkout form as the page rendered it (its checkout id and the fees it showed), with the buyer's details.</summary>
    private Task<HttpResponseMessage> PostCheckoutAsync(string page, string commune)
    {
        var fields = new List<(string, string)>
        {
            ("Form.CheckoutId", StorefrontBuyer.CheckoutId(page).ToString()), ("Form.Name", "Nguyễn Thị Lan"), ("Form.Phone", "0912345678"),
            ("Form.ProvinceCode", "HN"), ("Form.Commune", commune), ("Form.Street", "12 Phan Đình Phùng"),
        };
        fields.AddRange(ShippingSeen().Matches(page).Select(m => (m.Groups["name"].Value, m.Groups["fee"].Value)));
        return _client.PostFormAsync("/checkout", "/checkout", [.. fields]);
    }

    private long Seen(string page) => long.Parse(ShippingSeen().Matches(page).Single(m => m.Groups["name"].Value.Contains(_cooperativeId.ToString())).Groups["fee"].Value);

    private async Task<long> ChargedAsync()
    {
        await using var db = NewContext();
        return await db.Orders.OrderByDescending(o => o.PlacedAt).Select(o => o.ShippingFee.Dong).FirstAsync();
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = NewContext();
        return await db.Orders.CountAsync();
    }

    private RuralMarketDbContext NewContext() => _app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();

    [GeneratedRegex("(name=\"(?<name>Form\\.ShippingSeen\\[[0-9a-f-]+\\])\" value=\")(?<fee>[0-9]+)\"")]
    private static partial Regex ShippingSeen();
}
