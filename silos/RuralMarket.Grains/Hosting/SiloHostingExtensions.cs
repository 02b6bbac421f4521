using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using RuralMarket.Data.Hosting;
using RuralMarket.Grains.Orders;
using RuralMarket.Grains.Reminders;
using RuralMarket.Grains.Serialization;
using RuralMarket.Grains.Storage;
using RuralMarket.Logistics;

namespace RuralMarket.Grains.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>ADO.NET's name for Npgsql, the provider of the membership and reminder queries.</summary>
    private const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Joins this process to the grains' cluster as <see cref="OrleansOptions.Role"/> says: a silo hosting the grains
    /// (grain state in our tables, reminders in ours or, on the shared database, Orleans' ADO.NET table), or a client
    /// that only calls them. Settings come from <see cref="OrleansOptions.Section"/> and are checked here, so a wrong
    /// one stops start-up with the key named.
    /// </summary>
    public static IHostApplicationBuilder AddGrainSilo(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        var database = options.Discovery == OrleansDiscovery.Database ? SharedDatabase(builder.Configuration) : null;
        if (options.Role == OrleansRole.Client)
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ServiceId));
                client.UseAdoNetClustering(ado => (ado.Invariant, ado.ConnectionString) = (PostgresInvariant, database));
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
                client.Services.AddSerializer(serializer => serializer.AddDomainTypes());
                client.AddActivityPropagation();
                client.AddDashboard();
            });
            return builder;
        }
        builder.Services.AddSingleton<SiloStartGate>();
        builder.Services.AddSingleton<IStartupGate>(sp => sp.GetRequiredService<SiloStartGate>());
        builder.UseOrleans(silo =>
        {
            silo.AddGrainRuntime(withReminderTable: database is null);
            silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloStartGate>());
            // The dashboard's counters live in every silo; a web host (silo or client) shows them at /admin/orleans.
            silo.AddDashboard();
            if (database is null)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
                return;
            }
            silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ServiceId));
            silo.ConfigureEndpoints(options.Advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: options.AdvertisedAddress is { Length: > 0 });
            if (options.SiloName is { Length: > 0 } name)
            {
                silo.Configure<SiloOptions>(named => named.SiloName = name);
            }
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(OrleansOptions.Section + ":Membership"));
            silo.UseAdoNetClustering(ado => (ado.Invariant, ado.ConnectionString) = (PostgresInvariant, database));
            silo.UseAdoNetReminderService(ado => (ado.Invariant, ado.ConnectionString) = (PostgresInvariant, database));
            // Orleans' tables are one of our migrations: the silo joins only once the schema is current.
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaBeforeMembership>();
        });
        return builder;
    }

    /// <summary>What every silo of ours has, whatever its clustering: domain types on the wire and our grain storage, the carriers (and our reminder table when Orleans' is not used).</summary>
    public static ISiloBuilder AddGrainRuntime(this ISiloBuilder silo, bool withReminderTable = true)
    {
        silo.Services.AddSerializer(serializer => serializer.AddDomainTypes());
        silo.Services.AddMetrics().AddSingleton<CheckoutMetrics>();
        silo.AddActivityPropagation();
        silo.Services.AddKeyedSingleton<IGrainStorage, TableGrainStorage>(TableGrainStorage.Name);
        silo.Services.AddCarriers();
        silo.AddReminders();
        if (withReminderTable)
        {
            silo.Services.AddSingleton<IReminderTable, TableReminderTable>();
        }
        return silo;
    }

    private static OrleansOptions ReadOptions(IConfiguration configuration)
    {
        var options = new OrleansOptions();
        try
        {
            configuration.GetSection(OrleansOptions.Section).Bind(options);
        }
        catch (InvalidOperationException error)
        {
            throw Invalid($"{OrleansOptions.Section}: {error.GetBaseException().Message}");
        }
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw Invalid([.. problems.Select(p => p.ErrorMessage ?? "invalid")]);
        }
        return options;
    }

    /// <summary>The cluster meets in the platform's own PostgreSQL: the same connection string, Orleans' tables beside ours.</summary>
    private static string SharedDatabase(IConfiguration configuration)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        var connectionString = configuration.GetConnectionString(DataHostingExtensions.ConnectionStringName);
        if (!string.Equals(provider, nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid("Orleans:Discovery Database needs Database:Provider Postgres and ConnectionStrings:RuralMarket: the cluster's tables live in that database.");
        }
        return connectionString;
    }

    private static OptionsValidationException Invalid(params string[] problems) =>
        new(OrleansOptions.Section, typeof(OrleansOptions), problems);
}
