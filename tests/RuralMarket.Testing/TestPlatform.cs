using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Schema;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The back end as the app wires it (the same AddRuralMarketData), on a new, migrated database of the given kind:
/// a temporary SQLite file, or a fresh database on the test PostgreSQL server. A few provinces are loaded.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Func<Task> _dropDatabase;

    private TestPlatform(IHost host, FakeTimeProvider clock, DatabaseKind kind, string connectionString, Func<Task> dropDatabase)
    {
        _host = host;
        Clock = clock;
        Kind = kind;
        ConnectionString = connectionString;
        _dropDatabase = dropDatabase;
    }

    public IServiceProvider Services => _host.Services;

    public FakeTimeProvider Clock { get; }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public static async Task<TestPlatform> StartAsync(DatabaseKind kind, Action<IHostApplicationBuilder>? configure = null, bool migrate = true)
    {
        var (connectionString, drop) = await TestDatabases.CreateAsync(kind);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:RuralMarket"] = connectionString,
        });
        builder.AddRuralMarketData();
        // A fixed start, so dates in tests (certificates, windows) do not depend on the day the suite runs. Its timers
        // fire only when a test moves the clock: background loops on it wait for the test.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(builder);
        var host = builder.Build();
        var platform = new TestPlatform(host, clock, kind, connectionString, drop);
        if (!migrate)
        {
            return platform;
        }
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await using var db = platform.NewContext();
        db.Provinces.AddRange(
            new Province("HN", "Hà Nội", ProvinceKind.CentralCity),
            new Province("TN", "Thái Nguyên", ProvinceKind.Province),
            new Province("HP", "Hải Phòng", ProvinceKind.CentralCity),
            new Province("DT", "Đồng Tháp", ProvinceKind.Province));
        // Two saves: EF does not know that communes reference provinces, so it would not order the inserts.
        await db.SaveChangesAsync();
        db.Communes.AddRange(CatalogBuilder.Communes.Select(c => new Commune(c.Value.Code, c.Key, c.Value.Name)));
        await db.SaveChangesAsync();
        return platform;
    }

    /// <summary>Starts what the host runs in the background (a silo, if the test added one) and waits until it reports ready.</summary>
    public async Task RunHostAsync()
    {
        await _host.StartAsync();
        var readiness = Services.GetRequiredService<DatabaseReadiness>();
        for (var waited = 0; !readiness.IsReady; waited += 50)
        {
            if (waited > 60_000)
            {
                throw new TimeoutException($"The host did not become ready: {readiness.Problem}");
            }
            await Task.Delay(50);
        }
    }

    public RuralMarketDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _dropDatabase();
    }
}
