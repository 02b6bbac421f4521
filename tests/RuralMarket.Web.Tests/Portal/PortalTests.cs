using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>What cooperative staff do in the portal, and what buyers and the storefront see of it.</summary>
public sealed class PortalTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await PortalWorld.CreateAsync(new Dictionary<string, string?> { ["Accounts:SignInsPerWindow"] = "12" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("0912000001")]
    [InlineData("+84 912 000 001")]
    [InlineData("0912.000.001")]
    public async Task A_manager_signs_in_with_the_phone_number_written_any_usual_way(string phone)
    {
        var client = _world.App.CreateClient();

        var response = await client.PostFormAsync("/account/login", "/account/login", ("SignInName", phone), ("Password", PortalWorld.Password));

        Assert.Equal("/portal", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("HTX Nông nghiệp Vi Hương", await response.BodyAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_across_accounts()
    {
        var client = _world.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 14; attempt++)
        {
            statuses.Add((await client.PostFormAsync("/account/login", "/account/login", ("SignInName", $"09120000{attempt:00}"), ("Password", "x"))).StatusCode);
        }

        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_helper_adds_a_phone_photo_it_shows_upright_on_the_storefront_and_the_manager_sees_who_did_it()
    {
        var helper = await _world.ClientAsync("helperA");
        var page = $"/portal/{_world.A.Slug}/products/{_world.A.ProductId}";
        var upload = TestPhotos.WithExif(TestPhotos.Marked(2400, 1800, "jpg"), orientation: 6);

        var response = await PostPhotoAsync(helper, page, upload, "IMG_0001.jpg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var storefront = await _world.App.CreateClient().GetStringAsync("/products/mien-dong-vi-huong");
        var second = Regex.Matches(storefront, "<source type=\"image/webp\" srcset=\"(?<first>[^ ]+) 320w").Select(m => m.Groups["first"].Value).ToList();
        Assert.Equal(2, second.Count);
        var variant = await _world.App.CreateClient().GetByteArrayAsync(second[1]);
        var (width, height) = TestPhotos.SizeOf(variant);
        Assert.True(height > width, "the phone photo should come out upright");
        Assert.False(TestPhotos.HasMetadata(variant));

        var manager = await _world.ClientAsync("managerA");
        var log = WebUtility.HtmlDecode(await manager.GetStringAsync($"/portal/{_world.A.Slug}/activity"));
        Assert.Contains("Tổ công nghệ số <strong>Lò Thị Giúp</strong>: thêm ảnh cho «Miến dong Vi Hương»", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svg", "Tệp này không phải ảnh JPEG, PNG, WebP hoặc HEIC.")]
    [InlineData("truncated", "Không đọc được ảnh")]
    [InlineData("bomb", "Ảnh quá lớn (hơn 50 megapixel).")]
    [InlineData("25mb", "Ảnh lớn hơn 20 MB.")]
    public async Task A_hostile_upload_gets_a_vietnamese_message_and_adds_nothing(string kind, string message)
    {
        var manager = await _world.ClientAsync("managerA");
        var page = $"/portal/{_world.A.Slug}/products/{_world.A.ProductId}";
        var jpeg = TestPhotos.Marked(1600, 1200, "jpg");
        byte[] file = kind switch
        {
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "truncated" => jpeg[..(jpeg.Length / 2)],
            "bomb" => TestPhotos.DeclaringPng(100_000, 100_000),
            _ => [0xFF, 0xD8, 0xFF, .. new byte[25 * 1024 * 1024]],
        };

        var response = await PostPhotoAsync(manager, page, file, "anh.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _world.QueryAsync(db => db.Products.Where(p => p.Id == _world.A.ProductId).Select(p => p.Photos.Count).SingleAsync()));
    }

    [Fact]
    public async Task Confirming_and_packing_show_on_the_buyers_tracking_page()
    {
        var manager = await _world.ClientAsync("managerA");
        var page = $"/portal/{_world.A.Slug}/orders/{_world.A.OrderCode}";

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(page, page + "?handler=Pack")).StatusCode);
        // A packed order has no buttons left; a replayed confirm (token from another portal page) is refused.
        var again = await manager.PostFormAsync($"/portal/{_world.A.Slug}/products/{_world.A.ProductId}", page + "?handler=Confirm");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var tracking = WebUtility.HtmlDecode(await _world.App.CreateClient().GetStringAsync($"/orders/{_world.A.TrackingToken}"));
        Assert.Contains("<strong>Đã đóng gói</strong>", tracking, StringComparison.Ordinal);
        Assert.Contains("Hợp tác xã đã xác nhận", tracking, StringComparison.Ordinal);
        var packingList = WebUtility.HtmlDecode(await manager.GetStringAsync(page + "/packing-list"));
        Assert.Contains("12 Phan Đình Phùng, Phường Ba Đình, Hà Nội", packingList, StringComparison.Ordinal);
        Assert.Contains("Miến dong Vi Hương", packingList, StringComparison.Ordinal);
        // The sender's address for the carrier, the order's date, and a print button (shown by portal.js).
        Assert.Contains("<strong>HTX Nông nghiệp Vi Hương</strong><br>", packingList, StringComparison.Ordinal);
        Assert.Contains("Thôn Nà Hán, Xã Phủ Thông, Thái Nguyên", packingList, StringComparison.Ordinal);
        Assert.Contains("HTX chưa có số điện thoại liên hệ", packingList, StringComparison.Ordinal);
        Assert.Contains("<dt>Đặt lúc</dt>", packingList, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" data-print hidden>In phiếu</button>", packingList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_returns_the_stock_and_tells_the_buyer()
    {
        var manager = await _world.ClientAsync("managerB");
        var page = $"/portal/{_world.B.Slug}/orders/{_world.B.OrderCode}";
        var stockBefore = await _world.QueryAsync(db => db.Products.Where(p => p.Id == _world.B.ProductId).Select(p => p.Stock).SingleAsync());

        var noReason = await manager.PostFormAsync(page, page + "?handler=Reject", ("Reason", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Hãy ghi lý do từ chối", await noReason.BodyAsync(), StringComparison.Ordinal);

        var rejected = await manager.PostFormAsync(page, page + "?handler=Reject", ("Reason", "Vải sấy đã hết vụ, xin lỗi quý khách"));

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == _world.B.OrderCode).Select(o => o.Status).SingleAsync()));
        Assert.Equal(stockBefore + 2, await _world.QueryAsync(db => db.Products.Where(p => p.Id == _world.B.ProductId).Select(p => p.Stock).SingleAsync()));
        var tracking = WebUtility.HtmlDecode(await _world.App.CreateClient().GetStringAsync($"/orders/{_world.B.TrackingToken}"));
        Assert.Contains("Vải sấy đã hết vụ, xin lỗi quý khách", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_portal_form_needs_its_antiforgery_token()
    {
        var manager = await _world.ClientAsync("managerA");
        var page = $"/portal/{_world.A.Slug}/orders/{_world.A.OrderCode}";

        var forged = await manager.PostAsync(page + "?handler=Confirm", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(OrderStatus.Placed, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == _world.A.OrderCode).Select(o => o.Status).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> PostPhotoAsync(HttpClient client, string page, byte[] file, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var content = new MultipartFormDataContent();
        var photo = new ByteArrayContent(file);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(photo, "photo", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(page + "?handler=Upload", content);
    }
}
