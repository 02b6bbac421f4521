using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// A buyer reviewing what was delivered through the tracking link: not before delivery, once per line, shown encoded on
/// the product page with its average; the cooperative answers once; an admin hides it with a reason and it is kept.
/// </summary>
public sealed class ReviewJourneyTests : IAsyncLifetime
{
    private const string Product = "/products/mien-dong-vi-huong";
    private const string Hostile = "Miến dai, nấu không nát <script>alert(1)</script> xem thêm http://lua-dao.example/";

    private PortalWorld _world = null!;
    private HttpClient _buyer = null!;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync();
        _buyer = await _world.ClientAsync("anonymous");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_delivered_line_is_reviewed_once_answered_once_and_hidden_with_a_reason()
    {
        var (waybill, shipmentId, code) = await _world.BookParcelAsync(_world.P);
        var order = await _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Code == code));
        var tracking = $"/orders/{order.TrackingToken}";
        var productId = order.Lines[0].ProductId;

        Assert.DoesNotContain("Gửi đánh giá", await _buyer.PageAsync(tracking), StringComparison.Ordinal);
        var early = await ReviewAsync(tracking, productId, "5", "Ngon");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Chỉ đánh giá được sau khi đơn hàng đã giao", await early.BodyAsync(), StringComparison.Ordinal);

        await DeliverAsync(waybill, shipmentId, order.Id);
        Assert.Contains("Gửi đánh giá", await _buyer.PageAsync(tracking), StringComparison.Ordinal);
        var outOfRange = await ReviewAsync(tracking, productId, "9", "Ngon");
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("Vui lòng chọn từ 1 đến 5 sao.", await outOfRange.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewAsync(tracking, Guid.NewGuid(), "5", "")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(tracking, productId, "4", Hostile)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewAsync(tracking, productId, "4", Hostile)).StatusCode); // the same form again
        var second = await ReviewAsync(tracking, productId, "1", "Đổi ý");
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Bạn đã đánh giá sản phẩm này của đơn hàng.", await second.BodyAsync(), StringComparison.Ordinal);

        var page = await _buyer.PageAsync(Product);
        Assert.Contains("4,0/5 sao", page, StringComparison.Ordinal);
        Assert.Contains("1 đánh giá", page, StringComparison.Ordinal);
        var raw = await _buyer.GetStringAsync(Product); // as sent, not decoded
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://lua-dao.example", raw, StringComparison.Ordinal);
        Assert.Contains("<strong>Lan</strong> · đã mua hàng", page, StringComparison.Ordinal); // the given name only

        var manager = await _world.ClientAsync("managerA");
        var reviews = $"/portal/{_world.A.Slug}/reviews";
        Assert.Contains("Miến dai, nấu không nát", await manager.PageAsync(reviews), StringComparison.Ordinal);
        var otherManager = await _world.ClientAsync("managerB");
        var otherReviews = $"/portal/{_world.B.Slug}/reviews";
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostFormAsync(otherReviews, otherReviews + "?handler=Answer",
            ("orderId", order.Id.ToString()), ("productId", productId.ToString()), ("answer", "Không phải của chúng tôi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(manager, reviews, order.Id, productId, "Cảm ơn chị, HTX sẽ gửi thêm miến sợi nhỏ.")).StatusCode);
        var again = await AnswerAsync(manager, reviews, order.Id, productId, "Lần hai");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("HTX đã trả lời đánh giá này.", await again.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Cảm ơn chị, HTX sẽ gửi thêm miến sợi nhỏ.", await _buyer.PageAsync(Product), StringComparison.Ordinal);

        var admin = await _world.ClientAsync("admin");
        var noReason = await admin.PostFormAsync("/admin/reviews", "/admin/reviews?handler=Hide", ("orderId", order.Id.ToString()), ("productId", productId.ToString()), ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/reviews", "/admin/reviews?handler=Hide",
            ("orderId", order.Id.ToString()), ("productId", productId.ToString()), ("reason", "Chứa đường dẫn lạ"))).StatusCode);
        Assert.Contains("Chưa có đánh giá nào.", await _buyer.PageAsync(Product), StringComparison.Ordinal);
        Assert.Contains("Quản trị đã ẩn đánh giá này: Chứa đường dẫn lạ", await manager.PageAsync(reviews), StringComparison.Ordinal);
        var kept = await _world.QueryAsync(db => db.Orders.AsNoTracking().Where(o => o.Id == order.Id).SelectMany(o => o.Reviews).SingleAsync());
        Assert.Equal((4, "Chứa đường dẫn lạ"), (kept.Rating, kept.HiddenReason));
    }

    // The token comes from the product page: before delivery the tracking page has no form to take one from.
    private Task<HttpResponseMessage> ReviewAsync(string tracking, Guid productId, string rating, string text) =>
        _buyer.PostFormAsync(Product, tracking + "?handler=Review", ("productId", productId.ToString()), ("rating", rating), ("text", text));

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient manager, string reviews, Guid orderId, Guid productId, string answer) =>
        manager.PostFormAsync(reviews, reviews + "?handler=Answer", ("orderId", orderId.ToString()), ("productId", productId.ToString()), ("answer", answer));

    private async Task DeliverAsync(string waybill, Guid shipmentId, Guid orderId)
    {
        await _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Logistics.IShipmentGrain>(shipmentId)
            .ReportAsync(new ShipmentReport($"{waybill}/delivered", ShipmentStatus.Delivered, "", DateTimeOffset.UtcNow, ReportSource.PartnerApi));
        for (var i = 0; i < 100 && await _world.QueryAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()) != OrderStatus.Delivered; i++)
        {
            await Task.Delay(100);
        }
    }
}
