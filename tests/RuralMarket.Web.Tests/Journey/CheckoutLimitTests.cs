using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>Cash-on-delivery orders reserve stock unpaid, so one client cannot place them without limit.</summary>
public class CheckoutLimitTests
{
    [Fact]
    public async Task Checkouts_beyond_the_limit_are_refused_with_a_vietnamese_page_and_order_nothing()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { ["Checkout:OrdersPerWindow"] = "2" });
        var client = await app.ReadyClientAsync();
        await using var db = app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();
        var product = await db.Products.SingleAsync(p => p.Slug == "mien-dong-vi-huong");

        async Task<HttpResponseMessage> OrderAsync()
        {
            await client.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", product.Id.ToString()), ("quantity", "1"));
            return await client.PostFormAsync("/checkout", "/checkout",
                ("Form.Name", "Nguyễn Thị Lan"), ("Form.Phone", "0912345678"), ("Form.ProvinceCode", "HN"),
                ("Form.Commune", "Phường Ba Đình"), ("Form.Street", "12 Phan Đình Phùng"));
        }

        Assert.Contains("Đặt hàng thành công", await (await OrderAsync()).BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Đặt hàng thành công", await (await OrderAsync()).BodyAsync(), StringComparison.Ordinal);
        var third = await OrderAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Bạn thao tác quá nhanh", await third.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await db.Orders.CountAsync());
    }
}
