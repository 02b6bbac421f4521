using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using Xunit.Abstractions;

namespace RuralMarket.Grains.Tests.Orders;

/// <summary>A silo dies between a checkout's reservations and its orders: afterwards the orders exist, or every unit is back.</summary>
public abstract class SiloCrashTests(GrainCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task A_silo_killed_between_reserving_and_placing_leaks_no_stock()
    {
        var platform = cluster.Platform;
        var primary = cluster.Cluster.Silos[0].SiloAddress;

        // The membership table lives on the first silo, so the victim must be the other one: arm checkouts (each on
        // products of its own) until one stops there; one stuck on the first silo is left alone.
        (Guid Id, CheckoutRequest Request, Guid First, Guid Second) checkout = default;
        for (var attempt = 0; attempt < 20 && checkout.Id == default; attempt++)
        {
            var first = await platform.AddProductAsync(await platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}"), $"mien-{Guid.NewGuid():N}", stock: 10);
            var second = await platform.AddProductAsync(await platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}"), $"mat-ong-{Guid.NewGuid():N}", stock: 10);
            var request = new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(first.Id, 3), new CheckoutLine(second.Id, 2)]);
            var candidate = Guid.NewGuid();
            var stopped = CrashBeforePlacing.Arm(candidate);
            _ = cluster.Grains.GetGrain<ICheckoutGrain>(candidate).PlaceAsync(request);
            if (!(await stopped.WaitAsync(TimeSpan.FromSeconds(30))).Equals(primary))
            {
                checkout = (candidate, request, first.Id, second.Id);
            }
        }
        Assert.NotEqual(default, checkout.Id);
        var (checkoutId, firstId, secondId) = (checkout.Id, checkout.First, checkout.Second);
        var resubmitted = checkout.Request!;
        await using (var reserved = platform.NewContext())
        {
            // Each reservation was written before the saga called an order grain, where it stopped.
            Assert.Equal(7, await reserved.Products.Where(p => p.Id == firstId).Select(p => p.Stock).SingleAsync());
        }
        var victim = cluster.Cluster.Silos.Single(s => !s.SiloAddress.Equals(primary));
        await cluster.Cluster.KillSiloAsync(victim);
        CrashBeforePlacing.Disarm(checkoutId);

        // The buyer submits the same form again: the checkout comes back on the surviving silo and finishes.
        IReadOnlyList<PlacedOrder>? placed = null;
        for (var waited = 0; placed is null && waited < 120; waited++)
        {
            try
            {
                placed = await cluster.Grains.GetGrain<ICheckoutGrain>(checkoutId).PlaceAsync(resubmitted);
            }
            catch (Exception error) when (error is not DomainException)
            {
                output.WriteLine($"after the kill: {error.GetType().Name}");
                await Task.Delay(500);
            }
        }
        Assert.NotNull(placed);

        await using var db = platform.NewContext();
        var orders = await db.Orders.AsNoTracking().Where(o => o.CheckoutId == checkoutId).ToListAsync();
        Assert.Equal(placed.Select(p => p.OrderId).Order(), orders.Select(o => o.Id).Order());
        foreach (var (product, quantity) in new[] { (firstId, 3), (secondId, 2) })
        {
            var sold = orders.SelectMany(o => o.Lines).Where(l => l.ProductId == product).Sum(l => l.Quantity);
            // The products are this checkout's alone: whatever is held or gone from stock must be on its orders.
            var held = await db.Products.Where(p => p.Id == product).SelectMany(p => p.Reservations).SumAsync(r => r.Quantity);
            var stock = await db.Products.Where(p => p.Id == product).Select(p => p.Stock).SingleAsync();
            Assert.Equal(orders.Count == 0 ? 0 : quantity, sold);
            Assert.Equal(sold, held);
            Assert.Equal(10, stock + sold);
        }
        output.WriteLine($"{orders.Count} orders placed after the kill; every reserved unit is on an order");
    }
}

public sealed class SqliteSiloCrashTests(SqliteTwoSiloCluster cluster, ITestOutputHelper output) : SiloCrashTests(cluster, output), IClassFixture<SqliteTwoSiloCluster>;

public sealed class PostgresSiloCrashTests(PostgresTwoSiloCluster cluster, ITestOutputHelper output) : SiloCrashTests(cluster, output), IClassFixture<PostgresTwoSiloCluster>, IUsesPostgres;
