using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using RuralMarket.Domain.Catalog;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Serialization;
using RuralMarket.Testing;

namespace RuralMarket.Grains.Benchmarks;

/// <summary>
/// Checkout over HTTP through the embedded default: a <c>RuralMarket.Web</c> process on its SQLite file with the seed
/// catalogue, as <c>scripts/run.sh</c> starts it. Each reservation is one buyer (an address of their own, as our
/// ingress forwards it): the product page, add to cart, the checkout post. A round's hot product is one of the seed's
/// products, its stock set through its grain.
/// </summary>
internal sealed class EmbeddedDefault : IAsyncDisposable
{
    private const string ClusterId = "stock-benchmark";
    private const string ServiceId = "ruralmarket";

    private readonly string _folder;
    private readonly HostProcess _web;
    private readonly IHost _client;
    private readonly Queue<(Guid Id, string Slug)> _products;
    private int _buyers;

    private EmbeddedDefault(string folder, HostProcess web, IHost client, IEnumerable<(Guid, string)> products)
    {
        _folder = folder;
        _web = web;
        _client = client;
        _products = new Queue<(Guid, string)>(products);
    }

    private static string Database(string folder) => $"Data Source={Path.Combine(folder, "ruralmarket.db")}";

    public static async Task<EmbeddedDefault> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruralmarket-stock-benchmark", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var web = HostProcess.Start(HostProgram.Web, "web", new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:RuralMarket"] = Database(folder),
            ["Media:Root"] = Path.Combine(folder, "media"),
            ["Seed:Catalogue"] = "true",
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ServiceId,
            ["Logging:LogLevel:Default"] = "Warning",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1, ::1", // the buyers' X-Forwarded-For, as if through our ingress
        });
        await web.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(web.GatewayPort, ServiceId, ClusterId);
            client.Services.AddSerializer(serializer => serializer.AddDomainTypes());
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedDefault(folder, web, host, await ProductsForSaleAsync(folder));
    }

    public Func<Task<HotProduct>> Checkout(int units) => async () =>
    {
        if (!_products.TryDequeue(out var product))
        {
            throw new InvalidOperationException("The seed catalogue has no product left for another round: run fewer rounds.");
        }
        var grains = _client.Services.GetRequiredService<IGrainFactory>();
        var delta = units - await StockAsync(product.Id);
        if (delta != 0)
        {
            await grains.GetGrain<IProductGrain>(product.Id).AdjustStockAsync(delta, StockAdjustmentReason.Count, "stock benchmark", Actor.Platform);
        }
        return new HotProduct(async () =>
        {
            using var buyer = new StorefrontBuyer(_web.Http, NextBuyerAddress());
            if (!await buyer.AddToCartAsync(product.Slug, product.Id))
            {
                return false; // sold out: the page offers no cart button
            }
            return await buyer.PlaceAsync() switch
            {
                CheckoutOutcome.Placed => true,
                CheckoutOutcome.SentBackToCart => false,
                _ => throw new InvalidOperationException($"A checkout got no answer; the web process said:\n{_web.Output}"),
            };
        }, () => StockAsync(product.Id));
    };

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        await _web.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>10.x.y.z, one per buyer.</summary>
    private IPAddress NextBuyerAddress()
    {
        var n = Interlocked.Increment(ref _buyers);
        return new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
    }

    private static async Task<List<(Guid, string)>> ProductsForSaleAsync(string folder)
    {
        await using var connection = new SqliteConnection(Database(folder));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.id, p.slug FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
            WHERE p.status = 'Published' AND c.verification = 'Verified' ORDER BY p.slug
            """;
        var products = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            products.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }
        return products;
    }

    private async Task<int> StockAsync(Guid productId)
    {
        await using var connection = new SqliteConnection(Database(_folder));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stock FROM products WHERE id = $id";
        command.Parameters.AddWithValue("$id", productId.ToString().ToUpperInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
