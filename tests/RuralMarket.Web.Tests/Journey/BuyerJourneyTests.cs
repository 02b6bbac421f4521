using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>The buyer's path without JavaScript: product → cart → cash-on-delivery checkout → tracking → cancel.</summary>
public sealed partial class BuyerJourneyTests() : WebAppTest(DatabaseKind.Sqlite)
{
    private const string MienDong = "/products/mien-dong-vi-huong";

    private async Task<Guid> ProductIdAsync(string slug)
    {
        await using var db = NewContext();
        return await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    private RuralMarketDbContext NewContext() => App.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();

    private async Task<string> AddAsync(string slug, int quantity, params (string, string)[] extra)
    {
        var id = await ProductIdAsync(slug);
        var response = await Client.PostFormAsync($"/products/{slug}", "/cart?handler=Add",
            [("productId", id.ToString()), ("quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. extra]);
        return await response.BodyAsync();
    }

    private Task<HttpResponseMessage> CheckoutAsync(string name = "Nguyễn Thị Lan", string phone = "0912 345 678", string province = "HN") =>
        Client.PostFormAsync("/checkout", "/checkout",
            ("Form.Name", name), ("Form.Phone", phone), ("Form.Email", ""), ("Form.ProvinceCode", province),
            ("Form.Commune", "Phường Ba Đình"), ("Form.Street", "12 Phan Đình Phùng"), ("Form.Note", "Gọi trước khi giao"));

    private async Task<int> StockAsync(string slug)
    {
        await using var db = NewContext();
        return await db.Products.Where(p => p.Slug == slug).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = NewContext();
        return await db.Orders.CountAsync();
    }

    [Fact]
    public async Task The_cart_groups_lines_by_cooperative_and_prices_them_from_the_catalogue()
    {
        await AddAsync("mien-dong-vi-huong", 2, ("price", "1"), ("priceDong", "1"));
        var cart = await AddAsync("vai-thieu-thanh-ha-tuoi", 1);

        Assert.Contains("Đã thêm vào giỏ hàng.", cart, StringComparison.Ordinal);
        Assert.Contains("<h2>HTX Nông nghiệp Vi Hương</h2>", cart, StringComparison.Ordinal);
        Assert.Contains("<h2>HTX Vải thiều Thanh Hà</h2>", cart, StringComparison.Ordinal);
        Assert.Contains("= 170.000\u00A0₫", cart, StringComparison.Ordinal); // 2 × 85.000, whatever the form said
        Assert.Contains("Tổng cộng: <strong>279.000\u00A0₫</strong>", cart, StringComparison.Ordinal); // 170.000 + 22.000 + 55.000 + 32.000
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1000)]
    public async Task Impossible_quantities_are_refused_with_a_message_and_nothing_added(int quantity)
    {
        var cart = await AddAsync("mien-dong-vi-huong", quantity);

        Assert.Contains("Số lượng phải từ 1 đến 999.", cart, StringComparison.Ordinal);
        Assert.Contains("Giỏ hàng đang trống.", cart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_product_id_is_refused_and_nothing_added()
    {
        var response = await Client.PostFormAsync(MienDong, "/cart?handler=Add", ("productId", Guid.NewGuid().ToString()), ("quantity", "1"));
        var cart = await response.BodyAsync();

        Assert.Contains("Sản phẩm này hiện không bán.", cart, StringComparison.Ordinal);
        Assert.Contains("Giỏ hàng đang trống.", cart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_change_since_adding_is_flagged_until_the_buyer_updates_the_cart()
    {
        await AddAsync("mien-dong-vi-huong", 1);
        await using (var db = NewContext())
        {
            var product = await db.Products.SingleAsync(p => p.Slug == "mien-dong-vi-huong");
            product.ChangePrice(Money.FromDong(90_000), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var flagged = await Client.PageAsync("/cart");
        Assert.Contains("Giá đã thay đổi từ 85.000\u00A0₫ thành 90.000\u00A0₫.", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/checkout\"", flagged, StringComparison.Ordinal);

        var id = await ProductIdAsync("mien-dong-vi-huong");
        var updated = await (await Client.PostFormAsync("/cart", "/cart?handler=Update", ($"quantities[{id}]", "1"))).BodyAsync();
        Assert.DoesNotContain("Giá đã thay đổi", updated, StringComparison.Ordinal);
        Assert.Contains("href=\"/checkout\"", updated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_the_stock_is_flagged_and_cannot_be_checked_out()
    {
        await AddAsync("khan-tho-cam-mong", 30); // 18 in stock

        var cart = await Client.PageAsync("/cart");
        Assert.Contains("Chỉ còn 18 sản phẩm.", cart, StringComparison.Ordinal);
        var checkout = await Client.GetAsync("/checkout");
        Assert.Equal("/cart", checkout.RequestMessage!.RequestUri!.AbsolutePath); // sent back to fix the cart
    }

    [Fact]
    public async Task Checking_out_cash_on_delivery_creates_one_order_per_cooperative_reserves_stock_and_links_to_tracking()
    {
        await AddAsync("mien-dong-vi-huong", 2);
        await AddAsync("vai-thieu-thanh-ha-tuoi", 1);

        var confirmation = await (await CheckoutAsync()).BodyAsync();

        Assert.Contains("Đặt hàng thành công", confirmation, StringComparison.Ordinal);
        var codes = OrderCode().Matches(confirmation).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, codes.Count);
        Assert.Equal(238, await StockAsync("mien-dong-vi-huong"));
        Assert.Contains("Giỏ hàng đang trống.", await Client.PageAsync("/cart"), StringComparison.Ordinal);

        var link = TrackingLink().Match(confirmation).Groups[1].Value;
        var tracking = await Client.PageAsync(link);
        Assert.Contains("Trạng thái: <strong>Đã đặt</strong>", tracking, StringComparison.Ordinal);
        Assert.Contains("Tiền mặt khi nhận hàng", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_buyer_can_cancel_before_packing_and_the_stock_comes_back()
    {
        await AddAsync("mien-dong-vi-huong", 3);
        var confirmation = await (await CheckoutAsync()).BodyAsync();
        var link = TrackingLink().Match(confirmation).Groups[1].Value;
        Assert.Equal(237, await StockAsync("mien-dong-vi-huong"));

        var tracking = await Client.PageAsync(link);
        Assert.DoesNotContain("handler=Cancel", tracking, StringComparison.Ordinal); // a link to the question, not the cancelling form
        Assert.Contains("Hủy đơn hàng này?", await Client.PageAsync(link + "?confirm=cancel"), StringComparison.Ordinal);
        Assert.Equal(237, await StockAsync("mien-dong-vi-huong"));

        var cancelled = await (await Client.PostFormAsync(link + "?confirm=cancel", link + "?handler=Cancel")).BodyAsync();

        Assert.Contains("Đã hủy đơn hàng.", cancelled, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: <strong>Đã hủy</strong>", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("Hủy đơn hàng</a>", cancelled, StringComparison.Ordinal);
        Assert.Equal(240, await StockAsync("mien-dong-vi-huong"));
    }

    [Theory]
    [InlineData("Nguyễn Thị Lan", "12345", "HN", "Số điện thoại không đúng")]
    [InlineData("", "0912345678", "HN", "Vui lòng điền ô này.")]
    [InlineData("Nguyễn Thị Lan", "0912345678", "XX", "Vui lòng chọn tỉnh, thành phố trong danh sách.")]
    [InlineData("Nguyễn Thị Lan", "0912345678", "", "Vui lòng chọn tỉnh, thành phố trong danh sách.")]
    [InlineData("Nguyễn Thị Lan", "0912345678", "TN", "Vui lòng chọn xã/phường trong danh sách của tỉnh/thành phố đã chọn.")]
    public async Task Bad_checkout_details_get_a_message_beside_the_field_and_store_nothing(string name, string phone, string province, string message)
    {
        await AddAsync("mien-dong-vi-huong", 1);

        var response = await CheckoutAsync(name, phone, province);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<p class=\"field-error\"", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal(240, await StockAsync("mien-dong-vi-huong"));
    }

    [Fact]
    public async Task A_ten_kilobyte_name_is_refused_and_script_in_a_name_is_shown_as_text()
    {
        await AddAsync("mien-dong-vi-huong", 1);
        var tooLong = await CheckoutAsync(name: new string('A', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(0, await OrderCountAsync());

        var confirmation = await (await CheckoutAsync(name: "<script>alert(1)</script>")).BodyAsync();
        var link = TrackingLink().Match(confirmation).Groups[1].Value;
        var raw = await Client.GetStringAsync(link);
        Assert.DoesNotContain("<script>alert(1)</script>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_checkout_form_sent_again_shows_the_orders_of_its_first_submit_and_places_nothing_more()
    {
        await AddAsync("mien-dong-vi-huong", 2);
        var form = await Client.PageAsync("/checkout");
        var checkoutId = StorefrontBuyer.CheckoutId(form).ToString();
        var token = StorefrontBuyer.AntiforgeryToken(form);
        Task<HttpResponseMessage> SendAsync() => Client.PostAsync("/checkout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.CheckoutId"] = checkoutId, ["Form.Name"] = "Nguyễn Thị Lan", ["Form.Phone"] = "0912 345 678",
            ["Form.ProvinceCode"] = "HN", ["Form.Commune"] = "Phường Ba Đình", ["Form.Street"] = "12 Phan Đình Phùng",
            ["__RequestVerificationToken"] = token,
        }));

        var first = await (await SendAsync()).BodyAsync();
        // The first answer never reached the buyer, who sends the form again: the cart is empty by now.
        var again = await (await SendAsync()).BodyAsync();

        var code = OrderCode().Match(first).Value;
        Assert.NotEmpty(code);
        Assert.Contains("Đặt hàng thành công", again, StringComparison.Ordinal);
        Assert.Equal([code], OrderCode().Matches(again).Select(m => m.Value).Distinct());
        Assert.Equal(1, await OrderCountAsync());
        Assert.Equal(238, await StockAsync("mien-dong-vi-huong"));
    }

    [Fact]
    public async Task Stock_sold_out_between_cart_and_checkout_sends_the_buyer_back_with_nothing_ordered()
    {
        await AddAsync("mien-dong-vi-huong", 2);
        var checkoutPage = await Client.GetStringAsync("/checkout");
        await using (var db = NewContext())
        {
            var product = await db.Products.SingleAsync(p => p.Slug == "mien-dong-vi-huong");
            product.AdjustStock(-239, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await CheckoutAsync();

        Assert.Equal("/cart", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Chỉ còn 1 sản phẩm.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await OrderCountAsync());
        Assert.NotEmpty(checkoutPage);
    }

    [Theory]
    [InlineData("/cart?handler=Add")]
    [InlineData("/cart?handler=Update")]
    [InlineData("/checkout")]
    public async Task Every_form_post_needs_the_antiforgery_token(string action)
    {
        var response = await Client.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("productId", Guid.NewGuid().ToString()), KeyValuePair.Create("quantity", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cancelling_needs_the_antiforgery_token_and_an_unknown_link_is_not_found()
    {
        await AddAsync("mien-dong-vi-huong", 1);
        var link = TrackingLink().Match(await (await CheckoutAsync()).BodyAsync()).Groups[1].Value;

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync(link + "?handler=Cancel", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/orders/khong-co-don-hang-nao-o-day-ca")).StatusCode);
        await using var db = NewContext();
        Assert.Equal(OrderStatus.Placed, (await db.Orders.SingleAsync()).Status);
    }

    [GeneratedRegex("RM[0-9A-HJKMNP-TV-Z]{8}")]
    private static partial Regex OrderCode();

    [GeneratedRegex("href=\"(/orders/[A-Za-z0-9_-]+)\"")]
    private static partial Regex TrackingLink();
}
