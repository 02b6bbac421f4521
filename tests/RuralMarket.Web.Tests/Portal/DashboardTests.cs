using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>The manager's dashboard counts what was sold this period and divides it among the producing households.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    // Cooperative B: its only order is the world's own (A also has the partners' booked parcels).
    [Fact]
    public async Task This_weeks_order_shows_by_week_by_product_and_by_household_and_a_cancelled_one_drops_out()
    {
        var manager = await _world.ClientAsync("managerB");
        var product = await _world.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == _world.B.ProductId));
        var names = await _world.QueryAsync(db => db.Cooperatives.AsNoTracking().Where(c => c.Id == _world.B.Id).SelectMany(c => c.Households)
            .ToDictionaryAsync(h => h.Id, h => h.HeadName));
        var sale = product.Price * 2;
        var expected = SalesSplit.Divide(sale, product.Producers.ToList());

        var page = await manager.PageAsync($"/portal/{_world.B.Slug}/dashboard");

        Assert.Contains($"1 đơn hàng, doanh thu hàng hóa {sale}", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains($"<td data-label=\"Sản phẩm\">{product.Name}</td><td data-label=\"Số lượng\">2</td><td data-label=\"Doanh thu\">{sale}</td>", page, StringComparison.Ordinal);
        foreach (var (householdId, amount) in expected)
        {
            Assert.Contains($"<td data-label=\"Chủ hộ\">{names[householdId]}</td><td data-label=\"Thu nhập\">{amount}</td>", page, StringComparison.Ordinal);
        }

        var tracking = $"/orders/{_world.B.TrackingToken}";
        await _world.App.CreateClient().PostFormAsync($"{tracking}?confirm=cancel", $"{tracking}?handler=Cancel");

        var after = await manager.PageAsync($"/portal/{_world.B.Slug}/dashboard?weeks=4");
        Assert.Contains($"0 đơn hàng, doanh thu hàng hóa {Money.Zero}", after, StringComparison.Ordinal);
        Assert.Contains("Chưa có đơn hàng nào trong khoảng thời gian này.", after, StringComparison.Ordinal);
    }
}
