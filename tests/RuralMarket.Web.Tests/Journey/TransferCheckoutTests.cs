using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>A buyer paying by VietQR transfer: the order waits for the money with its stock held, and both pages show what to pay.</summary>
public sealed class TransferCheckoutTests : IAsyncLifetime
{
    private RuralMarketApp _app = null!;
    private HttpClient _client = null!;
    private Guid _productId;

    public async Task InitializeAsync()
    {
        _app = await RuralMarketApp.CreateAsync(overrides: PrepaidCheckout.VietQrSettings);
        _client = await _app.ReadyClientAsync();
        await using var db = NewContext();
        _productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_transfer_order_waits_for_payment_with_its_stock_held_and_shows_the_qr_account_amount_and_memo()
    {
        var stockBefore = await StockAsync();
        await AddToCartAsync();
        Assert.Contains("Chuyển khoản ngân hàng (quét mã VietQR)", await _client.PageAsync("/checkout"), StringComparison.Ordinal);

        var confirmation = await (await CheckoutAsync("transfer")).BodyAsync();

        await using var db = NewContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.PaymentMethod == PaymentMethod.BankTransfer);
        Assert.Equal((PaymentMethod.BankTransfer, OrderStatus.Placed, null), (order.PaymentMethod, order.Status, order.PaidAt));
        Assert.NotNull(order.ReservationExpiresAt);
        Assert.Equal(stockBefore - 1, await StockAsync());
        foreach (var page in new[] { confirmation, await _client.PageAsync($"/orders/{order.TrackingToken}") })
        {
            Assert.Contains("Thanh toán bằng chuyển khoản VietQR", page, StringComparison.Ordinal);
            Assert.Contains("<strong>1023456789</strong>", page, StringComparison.Ordinal);
            Assert.Contains($"<strong>{order.Total}</strong>", page, StringComparison.Ordinal);
            Assert.Contains($"<strong>{order.Code}</strong>", page, StringComparison.Ordinal); // the memo is the order code
            Assert.Contains($"src=\"/orders/{order.TrackingToken}?handler=VietQr\"", page, StringComparison.Ordinal);
        }

        var qr = await _client.GetAsync($"/orders/{order.TrackingToken}?handler=VietQr");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cash_on_delivery_shows_no_transfer_and_has_no_qr()
    {
        await AddToCartAsync();
        await CheckoutAsync("cod");

        await using var db = NewContext();
        var order = await db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync(o => o.PaymentMethod == PaymentMethod.CashOnDelivery);
        Assert.DoesNotContain("VietQR", (await _client.PageAsync($"/orders/{order.TrackingToken}")).Replace("Chuyển khoản VietQR", ""), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/orders/{order.TrackingToken}?handler=VietQr")).StatusCode);
    }

    [Theory]
    [InlineData("card")] // not offered
    [InlineData("free")]
    public async Task A_payment_method_not_offered_is_refused_beside_the_field_and_nothing_is_ordered(string method)
    {
        await AddToCartAsync();
        var before = await OrderCountAsync();

        var response = await CheckoutAsync(method);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vui lòng chọn một cách thanh toán trong danh sách.", await response.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await OrderCountAsync());
    }

    private Task AddToCartAsync() => PrepaidCheckout.AddToCartAsync(_client, _productId);

    private Task<HttpResponseMessage> CheckoutAsync(string payment) => PrepaidCheckout.CheckoutAsync(_client, payment);

    private async Task<int> StockAsync()
    {
        await using var db = NewContext();
        return await db.Products.Where(p => p.Id == _productId).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = NewContext();
        return await db.Orders.CountAsync();
    }

    private RuralMarketDbContext NewContext() => _app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();
}
