using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Web.Geography;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// Cash-on-delivery orders reserve stock unpaid, so one client cannot place them without limit; but only placements
/// count, so a buyer correcting the form or using the no-JavaScript "show communes" button is never locked out.
/// </summary>
public sealed partial class CheckoutLimitTests : IAsyncLifetime
{
    private RuralMarketApp _app = null!;
    private HttpClient _client = null!;
    private Guid _productId;

    public async Task InitializeAsync()
    {
        _app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { ["Checkout:OrdersPerWindow"] = "2" });
        _client = await _app.ReadyClientAsync();
        await using var db = NewContext();
        _productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Checkouts_beyond_the_limit_are_refused_with_a_vietnamese_message_keeping_the_cart_and_order_nothing()
    {
        Assert.Contains("Đặt hàng thành công", await (await OrderAsync()).BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Đặt hàng thành công", await (await OrderAsync()).BodyAsync(), StringComparison.Ordinal);
        var third = await OrderAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.BodyAsync();
        Assert.Contains("vừa đặt nhiều đơn trong thời gian ngắn. Vui lòng đợi khoảng 10 phút", page, StringComparison.Ordinal);
        Assert.Contains("value=\"12 Phan Đình Phùng\"", page, StringComparison.Ordinal); // what the buyer typed is still there
        Assert.Equal(2, await OrderCountAsync());
        Assert.Contains("Miến dong", await _client.PageAsync("/cart"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrections_and_the_show_communes_button_do_not_count_against_the_limit()
    {
        await AddToCartAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PostCheckoutAsync(("Form.Phone", "12"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var refresh = await PostCheckoutAsync((AddressFields.RefreshField, AddressFields.RefreshValue));
            Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        }

        Assert.Contains("Đặt hàng thành công", await (await PostCheckoutAsync()).BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Đặt hàng thành công", await (await OrderAsync()).BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await OrderCountAsync());
    }

    [Fact]
    public async Task A_form_with_every_field_wrong_shows_every_message_at_once()
    {
        await AddToCartAsync();

        var response = await _client.PostFormAsync("/checkout", "/checkout",
            ("Form.Name", "  "), ("Form.Phone", "12"), ("Form.Email", "không-phải-email"), ("Form.ProvinceCode", "XX"),
            ("Form.Commune", ""), ("Form.Street", ""), ("Form.Note", new string('x', 501)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.BodyAsync();
        Assert.Contains("Số điện thoại không đúng", page, StringComparison.Ordinal);
        Assert.Contains("Email không hợp lệ.", page, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn tỉnh, thành phố trong danh sách.", page, StringComparison.Ordinal);
        Assert.Contains("Nội dung quá dài.", page, StringComparison.Ordinal); // the note
        Assert.Equal(3, Occurrences(page, "Vui lòng điền ô này.")); // name, commune, street
        Assert.Equal(7, FieldErrors().Matches(page).Count);
        Assert.Equal(0, await OrderCountAsync());
    }

    private async Task<HttpResponseMessage> OrderAsync()
    {
        await AddToCartAsync();
        return await PostCheckoutAsync();
    }

    private Task AddToCartAsync() =>
        _client.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", _productId.ToString()), ("quantity", "1"));

    /// <summary>A valid cash-on-delivery form, with some fields replaced.</summary>
    private Task<HttpResponseMessage> PostCheckoutAsync(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Nguyễn Thị Lan", ["Form.Phone"] = "0912345678", ["Form.ProvinceCode"] = "HN",
            ["Form.Commune"] = "Phường Ba Đình", ["Form.Street"] = "12 Phan Đình Phùng",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }
        return _client.PostFormAsync("/checkout", "/checkout", [.. fields.Select(f => (f.Key, f.Value))]);
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = NewContext();
        return await db.Orders.CountAsync();
    }

    private RuralMarketDbContext NewContext() => _app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();

    private static int Occurrences(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [GeneratedRegex("class=\"field-error\"")]
    private static partial Regex FieldErrors();
}
