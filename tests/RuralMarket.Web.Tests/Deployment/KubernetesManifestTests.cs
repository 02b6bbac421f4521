using System.Globalization;
using RuralMarket.Photos;
using RuralMarket.Web.Accounts;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Media;
using RuralMarket.Data.Orders;
using RuralMarket.Search;
using RuralMarket.Seed;
using RuralMarket.Silo;
using RuralMarket.Silo.Outbox;
using RuralMarket.Web.Hosting;
using RuralMarket.Grains.Hosting;
using YamlDotNet.RepresentationModel;
using static RuralMarket.Web.Tests.Deployment.RenderedManifests;

namespace RuralMarket.Web.Tests.Deployment;

public class KubernetesManifestTests
{
    private static readonly RenderedManifests Manifests = Render();

    /// <summary>Every configuration key the app reads, as "Section:Key", from the options types themselves.</summary>
    private static readonly HashSet<string> AppKeys =
    [
        .. KeysOf<DatabaseOptions>(DatabaseOptions.Section).Where(k => k != "Database:ConnectionString"),
        $"ConnectionStrings:{DataHostingExtensions.ConnectionStringName}",
        .. KeysOf<MediaOptions>(MediaOptions.Section),
        .. KeysOf<OrderOptions>(OrderOptions.Section),
        .. KeysOf<SiloOptions>(SiloOptions.Section),
        .. KeysOf<RelayOptions>(RelayOptions.Section),
        .. KeysOf<AccountOptions>(AccountOptions.Section),
        .. KeysOf<PhotoOptions>(PhotoOptions.Section),
        SeedHostingExtensions.CatalogueKey,
        .. KeysOf<SearchOptions>(SearchOptions.Section).Where(k => k != "Search:Elasticsearch"),
        .. KeysOf<ElasticsearchOptions>($"{SearchOptions.Section}:Elasticsearch"),
        .. KeysOf<OrleansOptions>(OrleansOptions.Section),
        "Orleans:Membership:ProbeTimeout",
        "Orleans:Membership:NumMissedProbesLimit",
        "ASPNETCORE_URLS",
        StorefrontHostingExtensions.KeysFolderKey,
        .. KeysOf<ProxySettings>(ProxySettings.Section),
    ];

    [Fact]
    public void The_base_renders_web_and_silo_deployments_their_services_and_postgres()
    {
        Assert.Equal(["ruralmarket-silo", "ruralmarket-web"], Manifests.OfKind("Deployment").Select(d => Text(Map(d, "metadata"), "name")).Order());
        Assert.Equal(["postgres", "ruralmarket-silo", "ruralmarket-web"], Manifests.OfKind("Service").Select(s => Text(Map(s, "metadata"), "name")).Order());
        Assert.Single(Manifests.OfKind("StatefulSet"));
        Assert.Single(Manifests.OfKind("ConfigMap"));
    }

    [Theory]
    [InlineData("ruralmarket-web", "false")]
    [InlineData("ruralmarket-silo", "true")]
    public void Each_deployment_probes_healthz_and_readyz_on_the_port_the_app_listens_on(string name, string siloEnabled)
    {
        var container = Container(name);
        var ports = List(container, "ports").Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name"), p => Text(p, "containerPort"));
        var urls = Text(Map(Manifests.Named("ConfigMap", "ruralmarket-config"), "data"), "ASPNETCORE_URLS");

        foreach (var (probe, path) in new[] { ("livenessProbe", "/healthz"), ("readinessProbe", "/readyz") })
        {
            var httpGet = Map(Map(container, probe), "httpGet");
            Assert.Equal(path, Text(httpGet, "path"));
            Assert.True(ports.TryGetValue(Text(httpGet, "port"), out var port), $"{name}: {probe} names a port the container does not declare");
            Assert.EndsWith($":{port}", urls, StringComparison.Ordinal);
        }
        Assert.Equal(siloEnabled, EnvValue(container, "Silo__Enabled"));
    }

    [Fact]
    public void Every_configuration_key_is_one_the_app_reads_and_binds_to_a_valid_value()
    {
        var data = Map(Manifests.Named("ConfigMap", "ruralmarket-config"), "data").Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value);
        var envNames = Manifests.OfKind("Deployment").SelectMany(d => List(Container(Text(Map(d, "metadata"), "name")), "env"))
            .Select(e => Text(e, "name"));

        foreach (var key in data.Keys.Concat(envNames))
        {
            Assert.Contains(key.Replace("__", ":", StringComparison.Ordinal), AppKeys);
        }

        // The values go through the app's own binding and validation, as they would in a pod.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(data.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => kv.Value));
        builder.Configuration[$"ConnectionStrings:{DataHostingExtensions.ConnectionStringName}"] = "Host=postgres"; // from the Secret at run time
        builder.AddRuralMarketData();
        builder.AddSiloServices();
        builder.AddSearch();
        using var host = builder.Build();
        Assert.Equal(DatabaseProvider.Postgres, host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider);
        Assert.Equal(TimeSpan.FromMinutes(30), host.Services.GetRequiredService<IOptions<OrderOptions>>().Value.PaymentWindow);
        Assert.Equal(50, host.Services.GetRequiredService<IOptions<RelayOptions>>().Value.BatchSize);
        Assert.Equal("/var/lib/ruralmarket/media", host.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Root);
        _ = host.Services.GetRequiredService<IOptions<SiloOptions>>().Value;
        Assert.Equal(SearchProvider.Postgres, host.Services.GetRequiredService<IOptions<SearchOptions>>().Value.Provider);
        var configuration = builder.Configuration;
        Assert.False(configuration.GetValue<bool>(SeedHostingExtensions.CatalogueKey), "the illustrative catalogue must not load in a real deployment");
        Assert.False(configuration.GetValue<bool>("Seed:DemoAccounts"), "demo accounts must not exist in a real deployment");
    }

    [Fact]
    public void Secrets_come_from_a_secret_and_never_from_the_config_map()
    {
        var data = Map(Manifests.Named("ConfigMap", "ruralmarket-config"), "data").Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
        Assert.DoesNotContain(data, k => k.StartsWith("ConnectionStrings", StringComparison.Ordinal) || k.Contains("Password", StringComparison.OrdinalIgnoreCase) || k.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        foreach (var name in new[] { "ruralmarket-web", "ruralmarket-silo" })
        {
            var connection = List(Container(name), "env").Cast<YamlMappingNode>().Single(e => Text(e, "name") == "ConnectionStrings__RuralMarket");
            Assert.False(Has(connection, "value"));
            Assert.Equal("ruralmarket-secrets", Text(Map(Map(connection, "valueFrom"), "secretKeyRef"), "name"));
        }
    }

    [Fact]
    public async Task The_probe_paths_answer_on_the_running_app()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        var client = await app.ReadyClientAsync();
        var paths = Manifests.OfKind("Deployment")
            .SelectMany(d => new[] { "livenessProbe", "readinessProbe" }.Select(p => Text(Map(Map(Container(Text(Map(d, "metadata"), "name")), p), "httpGet"), "path")))
            .Distinct();

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public void Silo_pods_advertise_their_pod_ip_and_name_listen_on_the_orleans_ports_and_leave_one_at_a_time()
    {
        var silo = Container("ruralmarket-silo");
        var env = List(silo, "env").Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"));
        Assert.Equal("status.podIP", Text(Map(Map(env["Orleans__AdvertisedAddress"], "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal("metadata.name", Text(Map(Map(env["Orleans__SiloName"], "valueFrom"), "fieldRef"), "fieldPath"));
        var ports = List(silo, "ports").Cast<YamlMappingNode>().Select(p => Text(p, "containerPort")).ToList();
        Assert.Contains(EnvValue(silo, "Orleans__SiloPort"), ports);
        Assert.Contains(EnvValue(silo, "Orleans__GatewayPort"), ports);
        Assert.Equal(("11111", "30000"), (EnvValue(silo, "Orleans__SiloPort"), EnvValue(silo, "Orleans__GatewayPort")));
        var memory = Text(Map(Map(silo, "resources"), "requests"), "memory");
        Assert.True(memory.EndsWith("Mi", StringComparison.Ordinal) ? int.Parse(memory[..^2], CultureInfo.InvariantCulture) >= 512 : memory.EndsWith("Gi", StringComparison.Ordinal),
            $"silo pods ask for {memory}; Orleans needs at least 512Mi");

        var rolling = Map(Map(Map(Manifests.Named("Deployment", "ruralmarket-silo"), "spec"), "strategy"), "rollingUpdate");
        Assert.Equal("0", Text(rolling, "maxUnavailable"));
        var budget = Manifests.Named("PodDisruptionBudget", "ruralmarket-silo");
        Assert.Equal("ruralmarket-silo", Text(Map(Map(Map(budget, "spec"), "selector"), "matchLabels"), "app.kubernetes.io/name"));

        var data = Map(Manifests.Named("ConfigMap", "ruralmarket-config"), "data");
        Assert.Equal("Database", Text(data, "Orleans__Discovery"));
        Assert.Equal("Client", EnvValue(Container("ruralmarket-web"), "Orleans__Role"));
        Assert.Null(EnvValue(silo, "Orleans__Role"));
    }

    private static YamlMappingNode Container(string deployment) =>
        (YamlMappingNode)List(Map(Map(Map(Manifests.Named("Deployment", deployment), "spec"), "template"), "spec"), "containers").Children.Single();

    private static string? EnvValue(YamlMappingNode container, string name) =>
        List(container, "env").Cast<YamlMappingNode>().Where(e => Text(e, "name") == name).Select(e => Text(e, "value")).SingleOrDefault();

    private static IEnumerable<string> KeysOf<TOptions>(string section) =>
        typeof(TOptions).GetProperties().Where(p => p.CanWrite).Select(p => $"{section}:{p.Name}");
}
