using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Orders;

namespace RuralMarket.Grains.Tests.Orders;

/// <summary>The checkout saga and the stock it reserves, through the real grains and storage.</summary>
public abstract class CheckoutGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    protected TestPlatform Platform => cluster.Platform;

    private IGrainFactory Grains => cluster.Grains;

    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IReadOnlyList<PlacedOrder>> PlaceAsync(PaymentMethod method, params CheckoutLine[] lines) =>
        PlaceAsync(Guid.NewGuid(), method, lines);

    private Task<IReadOnlyList<PlacedOrder>> PlaceAsync(Guid checkoutId, PaymentMethod method, params CheckoutLine[] lines) =>
        Grains.GetGrain<ICheckoutGrain>(checkoutId).PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), method, lines));

    private static string Unique(string slug) => $"{slug}-{Guid.NewGuid():N}";

    private async Task<Cooperative> CooperativeAsync(bool verified = true) => await Platform.AddCooperativeAsync(Unique("htx"), verified);

    private async Task<int> StockOfAsync(Guid productId)
    {
        await using var db = Platform.NewContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> OrdersOfAsync(Guid productId)
    {
        await using var db = Platform.NewContext();
        return await db.Orders.CountAsync(o => o.Lines.Any(l => l.ProductId == productId));
    }

    [ServiceFact]
    public async Task Two_hundred_buyers_racing_for_fifty_units_get_exactly_fifty()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 50);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
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
        })));

        Assert.Equal(50, results.Count(placed => placed));
        Assert.Equal(0, await StockOfAsync(product.Id));
        Assert.Equal(50, await OrdersOfAsync(product.Id));
        await using var db = Platform.NewContext();
        var held = await db.Products.AsNoTracking().Where(p => p.Id == product.Id).SelectMany(p => p.Reservations).ToListAsync();
        Assert.Equal(50, held.Sum(r => r.Quantity));
    }

    [ServiceFact]
    public async Task Prices_and_names_come_from_the_catalogue_and_shipping_from_the_weight()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), priceDong: 85_000, stock: 10);

        var placed = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 3)));

        await using var db = Platform.NewContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == placed.OrderId);
        var line = Assert.Single(order.Lines);
        Assert.Equal((product.Name, Money.FromDong(85_000), 3), (line.ProductName, line.UnitPrice, line.Quantity));
        Assert.Equal(Money.FromDong(32_000), order.ShippingFee); // 1.5 kg falls in the "up to 2 kg" tier
        Assert.Equal(Money.FromDong(287_000), placed.Total);
        Assert.Equal(7, await StockOfAsync(product.Id));
        Assert.Matches("^RM[0-9A-HJKMNP-TV-Z]{8}$", placed.Code);
        Assert.Equal(product.Producers, line.Producers); // the households' shares at the time of sale, 60 % and 40 %
        Assert.Equal([60, 40], line.Producers.Select(p => p.Percent));
    }

    [ServiceFact]
    public async Task A_cooperative_quoted_at_checkout_is_charged_its_quote_and_one_without_a_quote_the_weight_table()
    {
        var quoted = await CooperativeAsync();
        var tea = await Platform.AddProductAsync(quoted, Unique("che"), priceDong: 120_000, stock: 5);
        var noodles = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), priceDong: 85_000, stock: 5);
        var checkoutId = Guid.NewGuid();

        var placed = await Grains.GetGrain<ICheckoutGrain>(checkoutId).PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(),
            PaymentMethod.CashOnDelivery, [new CheckoutLine(tea.Id, 1), new CheckoutLine(noodles.Id, 1)],
            new Dictionary<Guid, Money> { [quoted.Id] = Money.FromDong(36_300) }));

        await using var db = Platform.NewContext();
        var fees = await db.Orders.AsNoTracking().Where(o => o.CheckoutId == checkoutId).ToDictionaryAsync(o => o.CooperativeId, o => o.ShippingFee);
        Assert.Equal(Money.FromDong(36_300), fees[quoted.Id]);
        Assert.Equal(Money.FromDong(22_000), fees[noodles.CooperativeId]); // 500 g: the first tier
        Assert.Equal(Money.FromDong(156_300), placed.Single(o => o.CooperativeId == quoted.Id).Total);
        var stored = await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == checkoutId);
        Assert.Equal([new CheckoutShippingFee(quoted.Id, Money.FromDong(36_300))], stored.ShippingFees);
        Assert.Equal(placed.Select(o => o.Total).Order(), stored.Orders.Select(o => o.Total).Order()); // what a repeated submit answers
    }

    [ServiceFact]
    public async Task A_checkout_over_three_cooperatives_with_one_line_short_places_nothing_and_leaves_every_stock()
    {
        var a = await Platform.AddProductAsync(await CooperativeAsync(), Unique("a"), stock: 10);
        var b = await Platform.AddProductAsync(await CooperativeAsync(), Unique("b"), stock: 10);
        var scarce = await Platform.AddProductAsync(await CooperativeAsync(), Unique("c"), stock: 1);

        var error = await Assert.ThrowsAsync<OutOfStockException>(() => PlaceAsync(PaymentMethod.CashOnDelivery,
            new CheckoutLine(a.Id, 2), new CheckoutLine(b.Id, 3), new CheckoutLine(scarce.Id, 2)));

        Assert.Equal(scarce.Id, error.ProductId);
        Assert.Equal((10, 10, 1), (await StockOfAsync(a.Id), await StockOfAsync(b.Id), await StockOfAsync(scarce.Id)));
        Assert.Equal(0, await OrdersOfAsync(a.Id) + await OrdersOfAsync(b.Id) + await OrdersOfAsync(scarce.Id));
    }

    [ServiceFact]
    public async Task A_checkout_over_two_cooperatives_makes_one_order_each()
    {
        var first = await CooperativeAsync();
        var second = await CooperativeAsync();
        var a = await Platform.AddProductAsync(first, Unique("a"));
        var b = await Platform.AddProductAsync(second, Unique("b"));

        var placed = await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(a.Id, 1), new CheckoutLine(b.Id, 2));

        Assert.Equal(new[] { first.Id, second.Id }.Order(), placed.Select(o => o.CooperativeId).Order());
        await using var db = Platform.NewContext();
        var ids = placed.Select(p => p.OrderId).ToList();
        Assert.Single(await db.Orders.Where(o => ids.Contains(o.Id)).Select(o => o.CheckoutId).Distinct().ToListAsync());
    }

    [ServiceFact]
    public async Task A_second_submit_of_the_same_checkout_answers_the_first_result()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 10);
        var checkoutId = Guid.NewGuid();

        var submits = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PlaceAsync(checkoutId, PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2))));
        var again = await PlaceAsync(checkoutId, PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2));

        Assert.Single(submits.Concat([again]).Select(s => Assert.Single(s).Code).Distinct());
        Assert.Equal(8, await StockOfAsync(product.Id));
        Assert.Equal(1, await OrdersOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task A_refused_checkout_submitted_again_is_refused_the_same_way_and_takes_nothing()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 1);
        var checkoutId = Guid.NewGuid();

        var first = await Assert.ThrowsAsync<OutOfStockException>(() => PlaceAsync(checkoutId, PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2)));
        await Platform.AddStockBehindTheGrainsAsync(product.Id, 5);
        await cluster.Cluster.DeactivateAsync(Grains.GetGrain<IProductGrain>(product.Id));
        var second = await Assert.ThrowsAsync<OutOfStockException>(() => PlaceAsync(checkoutId, PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2)));

        Assert.Equal((first.Code, first.ProductId), (second.Code, second.ProductId));
        Assert.Equal(6, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task Refusals_reach_the_caller_as_the_domain_error_with_its_code()
    {
        var cooperative = await CooperativeAsync();
        var draft = await Platform.AddProductAsync(cooperative, Unique("draft"), publish: false);
        var product = await Platform.AddProductAsync(cooperative, Unique("mien"));
        var unverified = await Platform.AddProductAsync(await CooperativeAsync(verified: false), Unique("cho-duyet"));

        async Task<string> CodeOf(CheckoutRequest request) =>
            (await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<ICheckoutGrain>(Guid.NewGuid()).PlaceAsync(request))).Code;
        CheckoutRequest Of(Guid productId, OrderRecipient? recipient = null) =>
            new(recipient ?? CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(productId, 1)]);

        Assert.Equal("checkout.product_unavailable", await CodeOf(Of(draft.Id)));
        Assert.Equal("checkout.product_unavailable", await CodeOf(Of(Guid.NewGuid())));
        Assert.Equal("checkout.product_unavailable", await CodeOf(Of(unverified.Id)));
        Assert.Equal("address.province_unknown", await CodeOf(Of(product.Id, CatalogBuilder.Recipient("XX"))));
        // Phường Ba Đình exists, but in Hà Nội, not in Thái Nguyên.
        Assert.Equal("address.commune_unknown", await CodeOf(Of(product.Id, CatalogBuilder.Recipient() with { Address = new Address("TN", "Phường Ba Đình", "Thôn Nà Hán") })));
        Assert.Equal((10, 10), (await StockOfAsync(product.Id), await StockOfAsync(unverified.Id)));
    }

    [ServiceFact]
    public async Task Releasing_twice_returns_the_units_once()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 10);
        var grain = Grains.GetGrain<IProductGrain>(product.Id);
        var orderId = Guid.NewGuid();

        await grain.ReserveAsync(orderId, 4);
        await grain.ReserveAsync(orderId, 4);
        Assert.Equal(6, await StockOfAsync(product.Id));

        Assert.Equal(4, await grain.ReleaseAsync(orderId));
        Assert.Equal(0, await grain.ReleaseAsync(orderId));
        Assert.Equal(0, await grain.ReleaseAsync(Guid.NewGuid()));
        Assert.Equal(10, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task Cancelling_before_packing_returns_stock_and_after_packing_is_refused()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 10);
        var first = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 3)));
        var second = Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 2)));

        await Grains.GetGrain<IOrderGrain>(first.OrderId).CancelAsync(CancellationReason.ByBuyer, "Đặt nhầm", Actor.Buyer);
        Assert.Equal(8, await StockOfAsync(product.Id));

        var packed = Grains.GetGrain<IOrderGrain>(second.OrderId);
        await packed.ConfirmAsync(Actor.Platform);
        await packed.PackAsync(Actor.Platform);
        await Assert.ThrowsAsync<IllegalOrderTransitionException>(() => packed.CancelAsync(CancellationReason.ByBuyer, "", Actor.Buyer));
        Assert.Equal(8, await StockOfAsync(product.Id));
        await using var db = Platform.NewContext();
        Assert.Empty(await db.Products.AsNoTracking().Where(p => p.Id == product.Id).SelectMany(p => p.Reservations).ToListAsync());
    }

    [ServiceFact]
    public async Task An_unpaid_bank_transfer_gives_its_stock_back_when_its_payment_window_reminder_fires()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 10);
        var unpaid = Assert.Single(await PlaceAsync(PaymentMethod.BankTransfer, new CheckoutLine(product.Id, 4)));
        Assert.Single(await PlaceAsync(PaymentMethod.CashOnDelivery, new CheckoutLine(product.Id, 1)));
        Assert.Equal(5, await StockOfAsync(product.Id));

        var deadline = DateTime.UtcNow + GrainCluster.PaymentWindow + TimeSpan.FromSeconds(30);
        while (await StockOfAsync(product.Id) != 9 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(9, await StockOfAsync(product.Id));
        await using var db = Platform.NewContext();
        var expired = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == unpaid.OrderId);
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentExpired), (expired.Status, expired.CancellationReason));
        Assert.False(await Grains.GetGrain<IOrderGrain>(unpaid.OrderId).ExpireAsync()); // a late tick changes nothing
        Assert.Equal(9, await StockOfAsync(product.Id));
    }

    [ServiceFact]
    public async Task A_write_behind_the_grains_back_makes_it_read_again_not_overwrite()
    {
        var product = await Platform.AddProductAsync(await CooperativeAsync(), Unique("mien"), stock: 10);
        var grain = Grains.GetGrain<IProductGrain>(product.Id);
        await grain.ReserveAsync(Guid.NewGuid(), 1);

        await Platform.AddStockBehindTheGrainsAsync(product.Id, 100);
        await grain.ReserveAsync(Guid.NewGuid(), 1);

        Assert.Equal(108, await StockOfAsync(product.Id));
    }
}

public sealed class SqliteCheckoutGrainTests(SqliteGrainCluster cluster) : CheckoutGrainTests(cluster), IClassFixture<SqliteGrainCluster>;

public sealed class PostgresCheckoutGrainTests(PostgresGrainCluster cluster) : CheckoutGrainTests(cluster), IClassFixture<PostgresGrainCluster>, IUsesPostgres;
