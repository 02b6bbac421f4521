using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Hosting;
using RuralMarket.Grains.Orders;
using Xunit.Abstractions;

namespace RuralMarket.Silo.Tests.Cluster;

/// <summary>
/// The scale-out as processes: two <c>RuralMarket.Silo</c> processes meet through our membership SQL on PostgreSQL,
/// a client (as a web pod is) sends checkouts through them, and one silo is killed with SIGKILL while checkouts are in
/// flight. Afterwards nothing is lost or doubled and every grain answers again.
/// </summary>
public sealed class SiloFailoverTests(ITestOutputHelper output) : IUsesPostgres, IAsyncLifetime
{
    private const int Checkouts = 200;
    private const int UnitsPerProduct = 100;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    private TestPlatform _platform = null!;
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    public Task InitializeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task Killing_one_of_two_silos_mid_checkout_loses_no_order_and_no_stock_unit()
    {
        _platform = await TestPlatform.StartAsync(DatabaseKind.Postgres);
        var cooperative = await _platform.AddCooperativeAsync("htx-failover");
        var products = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            products.Add((await _platform.AddProductAsync(cooperative, $"mien-{i}", stock: UnitsPerProduct)).Id);
        }
        var cluster = ClusterSettings();
        _silos.Add(SiloProcess.Start("silo-a", cluster));
        _silos.Add(SiloProcess.Start("silo-b", cluster));
        await Task.WhenAll(_silos.Select(s => s.WaitUntilReadyAsync(Ready)));
        var grains = await ConnectClientAsync(cluster);

        var checkouts = Enumerable.Range(0, Checkouts).Select(i => (Id: Guid.NewGuid(), Product: products[i % products.Count])).ToList();
        var answered = new ConcurrentDictionary<Guid, IReadOnlyList<PlacedOrder>>();
        var refused = new ConcurrentDictionary<Guid, bool>();
        var lost = new ConcurrentDictionary<Guid, string>();
        var started = 0;
        var watch = Stopwatch.StartNew();
        Task<TimeSpan>? recovery = null;
        await Parallel.ForEachAsync(checkouts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (checkout, _) =>
        {
            if (Interlocked.Increment(ref started) == Checkouts / 4)
            {
                _silos[0].KillHard();
                // Every grain answers again: each product grain, wherever it lived, probed from the moment of the kill.
                var killedAt = watch.Elapsed;
                recovery = Task.Run(async () =>
                {
                    await UntilPassesAsync(async () =>
                    {
                        foreach (var product in products)
                        {
                            await grains.GetGrain<IProductGrain>(product).ReleaseAsync(Guid.NewGuid());
                        }
                    });
                    return watch.Elapsed - killedAt;
                });
            }
            await TryPlaceAsync(grains, checkout.Id, checkout.Product, answered, refused, lost);
        });
        output.WriteLine($"First pass over {watch.Elapsed.TotalSeconds:F1} s: {answered.Count} placed, {refused.Count} refused (sold out), {lost.Count} without an answer");
        var recovered = await recovery!;
        output.WriteLine($"Every product grain answered again {recovered.TotalSeconds:F1} s after kill -9 of silo-a (target: at most 15 s)");

        // A buyer who saw an error submits the same form (the same checkout id) again: it answers the first outcome.
        foreach (var checkout in checkouts.Where(c => lost.ContainsKey(c.Id)))
        {
            lost.TryRemove(checkout.Id, out _);
            await TryPlaceAsync(grains, checkout.Id, checkout.Product, answered, refused, lost);
        }
        Assert.Empty(lost);

        await using var db = _platform.NewContext();
        var orders = await db.Orders.AsNoTracking().ToListAsync();
        var reported = answered.Values.SelectMany(placed => placed).Select(o => o.OrderId).ToList();
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.Equal(reported.Order(), orders.Select(o => o.Id).Order());
        Assert.All(answered, pair => Assert.Equal(pair.Value.Count, orders.Count(o => o.CheckoutId == pair.Key)));
        foreach (var product in products)
        {
            var stock = await db.Products.Where(p => p.Id == product).Select(p => p.Stock).SingleAsync();
            var sold = orders.SelectMany(o => o.Lines).Where(l => l.ProductId == product).Sum(l => l.Quantity);
            var held = await db.Products.Where(p => p.Id == product).SelectMany(p => p.Reservations).SumAsync(r => r.Quantity);
            Assert.Equal(UnitsPerProduct, stock + sold);
            Assert.Equal(sold, held);
        }
        Assert.Equal(Checkouts, answered.Count + refused.Count);

        await UntilPassesAsync(async () =>
        {
            await using var outbox = _platform.NewContext();
            var waiting = await outbox.OutboxMessages.CountAsync(m => m.ProcessedAt == null && m.ParkedAt == null);
            if (waiting > 0)
            {
                throw new TimeoutException($"{waiting} outbox messages still waiting.");
            }
        });
        output.WriteLine($"Outbox drained {watch.Elapsed.TotalSeconds:F1} s after the first checkout");
    }

    private Dictionary<string, string> ClusterSettings() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:RuralMarket"] = _platform.ConnectionString,
        ["Orleans:Discovery"] = "Database",
        ["Orleans:ClusterId"] = $"failover-{Guid.NewGuid():N}"[..30],
        ["Orleans:Membership:ProbeTimeout"] = "00:00:02",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
        ["Silo:Relay:Lease"] = "00:00:05",
        ["Seed:Catalogue"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private async Task<IGrainFactory> ConnectClientAsync(IReadOnlyDictionary<string, string> cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(cluster.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        builder.Configuration["Orleans:Role"] = "Client";
        builder.AddGrainSilo();
        // A call to the killed silo fails within seconds instead of Orleans' default 30 s, so the buyer can resubmit.
        builder.Services.Configure<Orleans.Configuration.ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(5));
        _client = builder.Build();
        await _client.StartAsync();
        return _client.Services.GetRequiredService<IClusterClient>();
    }

    private static async Task TryPlaceAsync(IGrainFactory grains, Guid checkoutId, Guid product,
        ConcurrentDictionary<Guid, IReadOnlyList<PlacedOrder>> answered, ConcurrentDictionary<Guid, bool> refused, ConcurrentDictionary<Guid, string> lost)
    {
        try
        {
            var request = new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(product, 1)]);
            answered[checkoutId] = await grains.GetGrain<ICheckoutGrain>(checkoutId).PlaceAsync(request);
        }
        catch (OutOfStockException)
        {
            refused[checkoutId] = true;
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            lost[checkoutId] = error.GetType().Name;
        }
    }

    /// <summary>Repeats the probe until it passes, for at most a minute.</summary>
    private static async Task UntilPassesAsync(Func<Task> probe)
    {
        var since = Stopwatch.StartNew();
        Exception? last = null;
        while (since.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception error)
            {
                last = error;
                await Task.Delay(200);
            }
        }
        throw new TimeoutException($"Still failing after a minute: {last?.Message}", last);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
        }
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
