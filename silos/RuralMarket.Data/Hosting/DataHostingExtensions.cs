using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RuralMarket.Data.Geography;
using RuralMarket.Data.Media;
using RuralMarket.Data.Orders;
using RuralMarket.Data.Outbox;
using RuralMarket.Data.Schema;
using RuralMarket.Data.Sqlite;

namespace RuralMarket.Data.Hosting;

public static class DataHostingExtensions
{
    public const string ConnectionStringName = "RuralMarket";

    /// <summary>
    /// The database (SQLite by default, PostgreSQL by <c>Database:Provider</c>), its start-up migration,
    /// and the order and outbox services that work on it.
    /// </summary>
    public static IHostApplicationBuilder AddRuralMarketData(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? string.Empty)
            .ValidateDataAnnotations()
            .Validate(options => ConnectionStringProblem(options) is null, "ConnectionStrings:RuralMarket is not a valid connection string for Database:Provider.")
            .PostConfigure(options => options.ConnectionString = ResolveSqlitePath(options, contentRoot))
            .ValidateOnStart();
        builder.Services.AddOptions<OrderOptions>()
            .BindConfiguration(OrderOptions.Section)
            .PostConfigure(options =>
            {
                if (options.ShippingTiers.Count == 0)
                {
                    options.ShippingTiers = OrderOptions.DefaultTiers();
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .PostConfigure(options => options.Root = Path.GetFullPath(options.Root, contentRoot))
            .ValidateOnStart();
        builder.Services.AddSingleton<IMediaStore, LocalMediaStore>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        builder.Services.AddDbContextFactory<RuralMarketDbContext>((sp, db) => Configure(db, sp.GetRequiredService<DatabaseOptions>()));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddScoped<AdministrativeUnits>();
        builder.Services.AddSingleton<ShippingFeeTable>();
        builder.Services.AddSingleton<OutboxStore>();
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(options.ConnectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }
        else
        {
            db.UseSqlite(options.ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(new SqliteConnectionSettings());
        }
        // One query by default: an aggregate's owned collections (a product's photos and producers, an order's lines and
        // timeline) are a handful of rows, so one round trip beats one per collection. Reads of many products, where the
        // rows would multiply, and the grains' whole-aggregate loads ask for AsSplitQuery themselves.
    }

    private static string? ConnectionStringProblem(DatabaseOptions options)
    {
        try
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return string.IsNullOrEmpty(postgres.Host) ? "Host is missing" : null;
            }
            var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(sqlite.DataSource) ? "Data Source is missing" : null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    private static string ResolveSqlitePath(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Sqlite || ConnectionStringProblem(options) is not null)
        {
            return options.ConnectionString;
        }
        var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (sqlite.DataSource == ":memory:" || sqlite.Mode == SqliteOpenMode.Memory)
        {
            return options.ConnectionString;
        }
        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, contentRoot);
        var folder = Path.GetDirectoryName(sqlite.DataSource);
        if (folder is not null && !Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (IOException)
            {
                // Left to the migrator, which reports the unopenable file through /readyz.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }
        return sqlite.ToString();
    }
}
