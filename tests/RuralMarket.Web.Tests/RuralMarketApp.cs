using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Web.Tests;

/// <summary>
/// The whole web app (with the co-hosted silo) in memory, on its own data folder and database, configured the way
/// an operator would: through configuration keys only.
/// </summary>
public sealed class RuralMarketApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private RuralMarketApp(Dictionary<string, string?> settings, string dataFolder, Func<Task> dropDatabase, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
        DataFolder = dataFolder;
        DropDatabase = dropDatabase;
    }

    public string DataFolder { get; }

    private Func<Task> DropDatabase { get; }

    /// <summary>
    /// An app on a new database of the given kind, with the seed catalogue. Extra settings override; <paramref name="services"/>
    /// adds what only a test has (an in-memory exporter), never a replacement of the app's own parts.
    /// </summary>
    public static async Task<RuralMarketApp> CreateAsync(DatabaseKind kind = DatabaseKind.Sqlite, string? dataFolder = null,
        IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var folder = dataFolder ?? Path.Combine(Path.GetTempPath(), "ruralmarket-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string connectionString;
        Func<Task> drop;
        if (kind == DatabaseKind.Sqlite)
        {
            (connectionString, drop) = ($"Data Source={Path.Combine(folder, "ruralmarket.db")}", () => Task.CompletedTask);
        }
        else
        {
            (connectionString, drop) = await TestDatabases.CreateAsync(kind);
        }
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:RuralMarket"] = connectionString,
            ["Media:Root"] = Path.Combine(folder, "media"),
            ["Seed:Catalogue"] = "true",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return new RuralMarketApp(settings, folder, drop, services);
    }

    /// <summary>A client once <c>/readyz</c> says ready (migrated and seeded).</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
            {
                return client;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The app did not become ready within 60 s: " + await client.GetStringAsync("/readyz"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabase();
    }
}
