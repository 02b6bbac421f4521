using System.Net;
using System.Text.Json;

namespace RuralMarket.Web.Tests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task Readyz_is_200_after_start_on_an_empty_data_folder()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        Assert.Empty(Directory.GetFiles(app.DataFolder));

        var client = await app.ReadyClientAsync();

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready", JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "ruralmarket.db")));
        // Every seed photo went through the pipeline: variants to serve, the original kept apart.
        Assert.Equal(45, Directory.GetDirectories(Path.Combine(app.DataFolder, "media", "products")).Length);
        Assert.Equal(45, Directory.GetFiles(Path.Combine(app.DataFolder, "media", "originals")).Length);
    }

    [Fact]
    public async Task Data_protection_keys_go_to_the_configured_shared_folder()
    {
        var keys = Path.Combine(Path.GetTempPath(), "ruralmarket-web-tests", Guid.NewGuid().ToString("N"), "keys");
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { ["DataProtection:KeysFolder"] = keys });
        var client = await app.ReadyClientAsync();

        await client.GetStringAsync("/products/mien-dong-vi-huong"); // its add-to-cart form needs an antiforgery token

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Theory]
    [InlineData("Database:Provider", "Mysql", "Database:Provider")]
    [InlineData("ConnectionStrings:RuralMarket", "", "ConnectionStrings:RuralMarket")]
    [InlineData("ConnectionStrings:RuralMarket", "Data Source=x.db;Bogus Key=1", "ConnectionStrings:RuralMarket")]
    [InlineData("Silo:Relay:BatchSize", "0", "Silo:Relay:BatchSize")]
    [InlineData("Orders:PaymentWindow", "00:00:01", "Orders:PaymentWindow")]
    [InlineData("Search:Provider", "Elasticsearch", "Search:Elasticsearch:Url")]
    [InlineData("Search:Provider", "Postgres", "Database:Provider")]
    [InlineData("Search:Provider", "Solr", "Search:Provider")]
    [InlineData("Orleans:SiloPort", "70000", "Orleans:SiloPort")]
    [InlineData("Orleans:ClusterId", "Cụm 1", "Orleans:ClusterId")]
    [InlineData("Orleans:Discovery", "Zookeeper", "Orleans")]
    [InlineData("Orleans:Role", "Client", "Orleans:Discovery")]
    [InlineData("Orleans:AdvertisedAddress", "pod-a", "Orleans:AdvertisedAddress")]
    [InlineData("Orleans:ResponseTimeout", "00:00:00", "Orleans:ResponseTimeout")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0", "ForwardedHeaders:KnownNetworks")]
    [InlineData("ForwardedHeaders:KnownProxies", "ingress", "ForwardedHeaders:KnownProxies")]
    public async Task A_missing_or_invalid_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_that_is_down_fails_readiness_with_a_clear_reason_and_no_half_started_pages()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:RuralMarket"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2",
        });
        var client = app.CreateClient();

        await AssertNotReadyAsync(client, "Cannot prepare the Postgres database");
    }

    [Fact]
    public async Task A_sqlite_file_that_cannot_be_opened_fails_readiness_with_a_clear_reason()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"rm-not-a-folder-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["ConnectionStrings:RuralMarket"] = $"Data Source={Path.Combine(blocker, "ruralmarket.db")}",
        });
        var client = app.CreateClient();

        await AssertNotReadyAsync(client, "Cannot prepare the Sqlite database");
        File.Delete(blocker);
    }

    private static async Task AssertNotReadyAsync(HttpClient client, string reason)
    {
        HttpResponseMessage ready;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            ready = await client.GetAsync("/readyz");
        }
        while (!(await ready.Content.ReadAsStringAsync()).Contains(reason, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(reason, await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.Contains("Hệ thống đang khởi động", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await client.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("service.starting", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
