using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Hosting;
using Xunit.Abstractions;

namespace RuralMarket.Silo.Tests.Cluster;

/// <summary>
/// The scale-out as processes: two <c>RuralMarket.Silo</c> processes meet through our membership SQL on PostgreSQL,
/// a <c>RuralMarket.Web</c> process is their Orleans client (as a web pod is), buyers check out through its pages, and
/// one silo is killed with SIGKILL while checkouts are in flight. Afterwards nothing is lost or doubled and every grain
/// answers again.
/// </summary>
public sealed class SiloFailoverTests(ITestOutputHelper output) : IUsesPostgres, IAsyncLifetime
{
    private const int Checkouts = 200;
    private const int UnitsPerProduct = 60;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);

    private TestPlatform _platform = null!;
    private readonly List<HostProcess> _hosts = [];
    private IHost? _probe;

    public Task InitializeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task Killing_one_of_two_silos_mid_checkout_loses_no_order_and_no_stock_unit()
    {
        _platform = await TestPlatform.StartAsync(DatabaseKind.Postgres);
        var cooperative = await _platform.AddCooperativeAsync("htx-failover");
        var products = new List<(Guid Id, string Slug)>();
        for (var i = 0; i < 4; i++)
        {
            var product = await _platform.AddProductAsync(cooperative, $"mien-{i}", stock: UnitsPerProduct);
            products.Add((product.Id, product.Slug));
        }
        var cluster = ClusterSettings();
        var silos = new[] { HostProcess.Start(HostProgram.Silo, "silo-a", cluster), HostProcess.Start(HostProgram.Silo, "silo-b", cluster) };
        _hosts.AddRange(silos);
        await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(Ready)));
        var web = HostProcess.Start(HostProgram.Web, "web", WebSettings(cluster));
        _hosts.Add(web);
        await web.WaitUntilReadyAsync(Ready);
        var grains = await ConnectProbeAsync(cluster);

        var buyers = Enumerable.Range(0, Checkouts).Select(i => new Buyer(new StorefrontBuyer(web.Http), products[i % products.Count])).ToList();
        var started = 0;
        var watch = Stopwatch.StartNew();
        Task<TimeSpan>? recovery = null;
        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (buyer, _) =>
        {
            if (Interlocked.Increment(ref started) == Checkouts / 4)
            {
                silos[0].KillHard();
                // Every grain answers again: each product grain, wherever it lived, probed from the moment of the kill.
                var killedAt = watch.Elapsed;
                recovery = Task.Run(async () =>
                {
                    await UntilPassesAsync(async () =>
                    {
                        foreach (var product in products)
                        {
                            await grains.GetGrain<IProductGrain>(product.Id).ReleaseAsync(Guid.NewGuid());
                        }
                    });
                    return watch.Elapsed - killedAt;
                });
            }
            await buyer.ChecksOutAsync();
        });
        output.WriteLine($"First pass over {watch.Elapsed.TotalSeconds:F1} s: {Count(CheckoutOutcome.Placed)} placed, {Count(CheckoutOutcome.SentBackToCart)} sent back to the cart, {Count(CheckoutOutcome.Unanswered)} without an answer");
        var recovered = await recovery!;
        output.WriteLine($"Every product grain answered again {recovered.TotalSeconds:F1} s after kill -9 of silo-a (target: at most 15 s)");

        // A buyer who saw an error page sends the same form (the same checkout id) again: it answers the first outcome.
        var resent = buyers.Where(b => b.Outcome == CheckoutOutcome.Unanswered).ToList();
        foreach (var buyer in resent)
        {
            await buyer.SendsTheFormAgainAsync();
        }
        output.WriteLine($"{resent.Count} forms sent again");
        Assert.True(buyers.All(b => b.Outcome != CheckoutOutcome.Unanswered), $"Buyers still without an answer; the web process said:\n{web.Output}");

        await using var db = _platform.NewContext();
        var orders = await db.Orders.AsNoTracking().ToListAsync();
        var placed = buyers.Where(b => b.Outcome == CheckoutOutcome.Placed).ToList();
        // Every buyer who saw a confirmation has exactly one order (one line, one cooperative), and nobody else has one.
        Assert.All(placed, buyer => Assert.Single(orders, o => o.CheckoutId == buyer.CheckoutId));
        Assert.Equal(placed.Count, orders.Count);
        foreach (var product in products)
        {
            var stock = await db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync();
            var sold = orders.SelectMany(o => o.Lines).Where(l => l.ProductId == product.Id).Sum(l => l.Quantity);
            var held = await db.Products.Where(p => p.Id == product.Id).SelectMany(p => p.Reservations).SumAsync(r => r.Quantity);
            Assert.Equal(UnitsPerProduct, stock + sold);
            Assert.Equal(sold, held);
        }
        // 240 units for 200 buyers: nobody may be sent back while units remain.
        Assert.Equal(Checkouts, placed.Count);

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
        buyers.ForEach(b => b.Dispose());

        int Count(CheckoutOutcome outcome) => buyers.Count(b => b.Outcome == outcome);
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

    /// <summary>
    /// The web process as k8s runs a web pod (an Orleans client, the silos' background work left to the silos), with the
    /// checkout rate limit out of the way; a grain call
    /// that the dead silo will never answer gives up after 5 s, so the buyer sees an error page and can send the form again.
    /// </summary>
    private static Dictionary<string, string> WebSettings(IReadOnlyDictionary<string, string> cluster) => new(cluster)
    {
        ["Orleans:Role"] = "Client",
        ["Silo:Enabled"] = "false",
        ["Orleans:ResponseTimeout"] = "00:00:05",
        ["Checkout:OrdersPerWindow"] = "1000",
        ["Media:Root"] = Path.Combine(Path.GetTempPath(), "ruralmarket-failover-media", Guid.NewGuid().ToString("N")),
    };

    /// <summary>The test's own client, to ask every grain whether it answers.</summary>
    private async Task<IGrainFactory> ConnectProbeAsync(IReadOnlyDictionary<string, string> cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(cluster.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        builder.Configuration["Orleans:Role"] = "Client";
        builder.Configuration["Orleans:ResponseTimeout"] = "00:00:05";
        builder.AddGrainSilo();
        _probe = builder.Build();
        await _probe.StartAsync();
        return _probe.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>One buyer, one unit of one product, one checkout form.</summary>
    private sealed class Buyer(StorefrontBuyer storefront, (Guid Id, string Slug) product) : IDisposable
    {
        public Guid? CheckoutId { get; private set; }

        public CheckoutOutcome Outcome { get; private set; } = CheckoutOutcome.Unanswered;

        public async Task ChecksOutAsync()
        {
            try
            {
                if (!await storefront.AddToCartAsync(product.Slug, product.Id))
                {
                    Outcome = CheckoutOutcome.SentBackToCart;
                    return;
                }
                CheckoutId = await storefront.OpenCheckoutAsync();
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return; // no form yet, so nothing was sent and nothing can have been placed
            }
            Outcome = CheckoutId is null ? CheckoutOutcome.SentBackToCart : await storefront.PlaceAsync(CheckoutId);
        }

        public async Task SendsTheFormAgainAsync()
        {
            if (CheckoutId is null)
            {
                await ChecksOutAsync();
                return;
            }
            Outcome = await storefront.PlaceAsync(CheckoutId);
        }

        public void Dispose() => storefront.Dispose();
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
        if (_probe is not null)
        {
            await _probe.StopAsync(TimeSpan.FromSeconds(5));
            _probe.Dispose();
        }
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
