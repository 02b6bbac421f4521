using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using RuralMarket.Data.Hosting;
using RuralMarket.Grains.Hosting;
using RuralMarket.Grains.Serialization;

namespace RuralMarket.Grains.Tests;

/// <summary>
/// One Orleans test cluster per test class, with our real grain storage and reminder table on a migrated database of
/// the given kind. Started on first use, so a PostgreSQL class without a server is reported as skipped, not failed.
/// Tests share it and keep apart by using their own cooperatives and products.
/// </summary>
public abstract class GrainCluster(DatabaseKind kind, int silos = 1) : IAsyncLifetime
{
    /// <summary>Short, so a test can watch a payment window pass by its reminder.</summary>
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _starting = new(1, 1);
    private TestPlatform? _platform;
    private InProcessTestCluster? _cluster;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("Call StartAsync first.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Call StartAsync first.");

    public IGrainFactory Grains => Cluster.Client;

    public async Task StartAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_cluster is not null)
            {
                return;
            }
            _platform = await TestPlatform.StartAsync(kind);
            var builder = new InProcessTestClusterBuilder((short)silos);
            var connectionString = _platform.ConnectionString;
            builder.ConfigureSiloHost((_, host) =>
            {
                host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = kind.ToString(),
                    ["ConnectionStrings:RuralMarket"] = connectionString,
                    ["Orders:PaymentWindow"] = PaymentWindow.ToString(),
                });
                host.AddRuralMarketData();
            });
            builder.ConfigureSilo((_, silo) => silo.AddGrainRuntime().AddOutgoingGrainCallFilter<Orders.CrashBeforePlacing>());
            builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddDomainTypes()));
            _cluster = builder.Build();
            await _cluster.DeployAsync();
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
        _starting.Dispose();
    }
}

public sealed class SqliteGrainCluster() : GrainCluster(DatabaseKind.Sqlite);

public sealed class PostgresGrainCluster() : GrainCluster(DatabaseKind.Postgres);

/// <summary>Two silos, so one can be killed while the other carries on.</summary>
public sealed class SqliteTwoSiloCluster() : GrainCluster(DatabaseKind.Sqlite, silos: 2);

public sealed class PostgresTwoSiloCluster() : GrainCluster(DatabaseKind.Postgres, silos: 2);
