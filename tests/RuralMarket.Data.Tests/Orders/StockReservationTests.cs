using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Tests.Orders;

public abstract class StockReservationTests(DatabaseKind kind) : DatabaseTest(kind)
{
    private Task<IReadOnlyList<PlacedOrder>> PlaceAsync(PaymentMethod method, params CheckoutLine[] lines) =>
        Platform.InScopeAsync(sp => sp.GetRequiredService<OrderPlacement>()
            .PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), method, lines), CancellationToken.None));

    private async Task<int> StockOfAsync(Guid productId)
    {
        await using var db = Platform.NewContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    [ServiceFact]
    public async Task Two_hundred_buyers_racing_for_fifty_units_get_exactly_fifty()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative, stock: 50);

        var attempts = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            try
            {
                await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 1));
                return true;
            }
            catch (OutOfStockException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(50, results.Count(placed => placed));
        Assert.Equal(0, await StockOfAsync(product.Id));
        await using var db = Platform.NewContext();
        Assert.Equal(50, await db.Orders.CountAsync());
        Assert.Equal(50, (await db.Orders.Include(o => o.Lines).ToListAsync()).Sum(o => o.Lines.Sum(l => l.Quantity)));
    }

    [ServiceFact]
    public async Task Prices_and_names_come_from_the_catalogue_and_shipping_from_the_weight()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative, priceDong: 85_000, stock: 10);

        var placed = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 3)));

        await using var db = Platform.NewContext();
        var order = await db.Orders.SingleAsync(o => o.Id == placed.OrderId);
        var line = Assert.Single(order.Lines);
        Assert.Equal((product.Name, Money.FromDong(85_000), 3), (line.ProductName, line.UnitPrice, line.Quantity));
        Assert.Equal(Money.FromDong(32_000), order.ShippingFee); // 1.5 kg falls in the "up to 2 kg" tier
        Assert.Equal(Money.FromDong(287_000), placed.Total);
        Assert.Equal(7, await StockOfAsync(product.Id));
        Assert.Matches("^RM[0-9A-HJKMNP-TV-Z]{8}$", placed.Code);
        Assert.True(placed.TrackingToken.Length >= 32);
    }

    [ServiceFact]
    public async Task A_checkout_across_two_cooperatives_makes_one_order_each()
    {
        var first = await Platform.AddCooperativeAsync("htx-a");
        var second = await Platform.AddCooperativeAsync("htx-b");
        var a = await Platform.AddProductAsync(first, "mien-a");
        var b = await Platform.AddProductAsync(second, "mien-b");

        var placed = await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(a.Id, 1), new CheckoutLine(b.Id, 2));

        Assert.Equal(2, placed.Count);
        await using var db = Platform.NewContext();
        var orders = await db.Orders.ToListAsync();
        Assert.Single(orders.Select(o => o.CheckoutId).Distinct());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), orders.Select(o => o.CooperativeId).Order());
        Assert.All(orders, o => Assert.Equal(("Nguyễn Thị Lan", "Phường Ba Đình"), (o.Buyer.Name, o.DeliveryAddress.Commune)));
    }

    [ServiceFact]
    public async Task When_one_line_is_short_nothing_is_reserved_and_no_order_is_kept()
    {
        var first = await Platform.AddCooperativeAsync("htx-a");
        var second = await Platform.AddCooperativeAsync("htx-b");
        var plenty = await Platform.AddProductAsync(first, "mien-a", stock: 10);
        var scarce = await Platform.AddProductAsync(second, "mien-b", stock: 1);

        var error = await Assert.ThrowsAsync<OutOfStockException>(() =>
            PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(plenty.Id, 2), new CheckoutLine(scarce.Id, 2)));

        Assert.Equal(scarce.Id, error.ProductId);
        Assert.Equal(10, await StockOfAsync(plenty.Id));
        Assert.Equal(1, await StockOfAsync(scarce.Id));
        await using var db = Platform.NewContext();
        Assert.Equal(0, await db.Orders.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Type == nameof(OrderPlaced)));
    }

    [ServiceFact]
    public async Task Drafts_unknown_products_unknown_provinces_and_communes_of_another_province_are_refused()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var draft = await Platform.AddProductAsync(cooperative, "ban-nhap", publish: false);

        Assert.Equal("checkout.product_unavailable", (await Assert.ThrowsAsync<DomainException>(() =>
            PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(draft.Id, 1)))).Code);
        Assert.Equal("checkout.product_unavailable", (await Assert.ThrowsAsync<DomainException>(() =>
            PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(Guid.NewGuid(), 1)))).Code);
        var product = await Platform.AddProductAsync(cooperative, "mien-dong");
        var unknownProvince = new CheckoutRequest(CatalogBuilder.Recipient("XX"), PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, 1)]);
        Assert.Equal("address.province_unknown", (await Assert.ThrowsAsync<DomainException>(() =>
            Platform.InScopeAsync(sp => sp.GetRequiredService<OrderPlacement>().PlaceAsync(unknownProvince, CancellationToken.None)))).Code);
        // Phường Ba Đình exists, but in Hà Nội, not in Thái Nguyên.
        var wrongCommune = new CheckoutRequest(CatalogBuilder.Recipient() with { Address = new Address("TN", "Phường Ba Đình", "Thôn Nà Hán") },
            PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, 1)]);
        Assert.Equal("address.commune_unknown", (await Assert.ThrowsAsync<DomainException>(() =>
            Platform.InScopeAsync(sp => sp.GetRequiredService<OrderPlacement>().PlaceAsync(wrongCommune, CancellationToken.None)))).Code);
        Assert.Equal(10, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task A_product_of_a_cooperative_awaiting_verification_cannot_be_ordered()
    {
        var pending = await Platform.AddCooperativeAsync("htx-cho-duyet", verified: false);
        var product = await Platform.AddProductAsync(pending, "mien-cho-duyet");

        var error = await Assert.ThrowsAsync<DomainException>(() => PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 1)));

        Assert.Equal("checkout.product_unavailable", error.Code);
        Assert.Equal(10, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task An_unpaid_bank_transfer_gives_its_stock_back_when_the_window_passes()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative, stock: 10);
        var unpaid = Assert.Single(await PlaceAsync(PaymentMethod.BankTransfer, new CheckoutLine(product.Id, 4)));
        var cod = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 1)));
        var expiry = Platform.Services.GetRequiredService<ReservationExpiry>();

        Platform.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await expiry.ExpireDueAsync(100, CancellationToken.None));
        Assert.Equal(5, await StockOfAsync(product.Id));

        Platform.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await expiry.ExpireDueAsync(100, CancellationToken.None));
        Assert.Equal(9, await StockOfAsync(product.Id));
        Assert.Equal(0, await expiry.ExpireDueAsync(100, CancellationToken.None));

        await using var db = Platform.NewContext();
        var expired = await db.Orders.SingleAsync(o => o.Id == unpaid.OrderId);
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentExpired), (expired.Status, expired.CancellationReason));
        Assert.Equal(OrderStatus.Placed, (await db.Orders.SingleAsync(o => o.Id == cod.OrderId)).Status);
    }

    [ServiceFact]
    public async Task A_paid_order_keeps_its_stock_after_the_window()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative, stock: 10);
        var placed = Assert.Single(await PlaceAsync(PaymentMethod.BankTransfer, new CheckoutLine(product.Id, 4)));
        await using (var db = Platform.NewContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == placed.OrderId);
            order.MarkPaid(order.Total, Platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Platform.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Platform.Services.GetRequiredService<ReservationExpiry>().ExpireDueAsync(100, CancellationToken.None));
        Assert.Equal(6, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task Cancelling_before_packing_returns_stock_and_after_packing_is_refused()
    {
        var cooperative = await Platform.AddCooperativeAsync();
        var product = await Platform.AddProductAsync(cooperative, stock: 10);
        var first = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 3)));
        var second = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2)));
        Assert.Equal(5, await StockOfAsync(product.Id));

        await Platform.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<OrderCancellation>().CancelAsync(first.OrderId, CancellationReason.ByBuyer, "Đặt nhầm", CancellationToken.None);
            return 0;
        });
        Assert.Equal(8, await StockOfAsync(product.Id));

        await using (var db = Platform.NewContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == second.OrderId);
            order.Confirm(Platform.Clock.GetUtcNow());
            order.Pack(Platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await Assert.ThrowsAsync<IllegalOrderTransitionException>(() => Platform.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<OrderCancellation>().CancelAsync(second.OrderId, CancellationReason.ByBuyer, "", CancellationToken.None);
            return 0;
        }));
        Assert.Equal(8, await StockOfAsync(product.Id));
    }
}

public sealed class SqliteStockReservationTests() : StockReservationTests(DatabaseKind.Sqlite);

public sealed class PostgresStockReservationTests() : StockReservationTests(DatabaseKind.Postgres), IUsesPostgres;
