using System.Net;
using System.Text.Json;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>When the search cluster is down, buyers get a clear "try again" answer, never an engine's error text.</summary>
public class SearchOutageTests
{
    [Fact]
    public async Task An_unreachable_search_cluster_is_a_503_with_a_code_and_a_vietnamese_page()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["Search:Provider"] = "Elasticsearch",
            ["Search:Elasticsearch:Url"] = "http://127.0.0.1:9/",
        });
        var client = await app.ReadyClientAsync();

        var api = await client.GetAsync("/api/v1/products?q=mien");
        var body = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("search.unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("Connection refused", body, StringComparison.Ordinal);

        var page = await client.GetAsync("/search?q=mien");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Tìm kiếm tạm thời không hoạt động", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/")); // the front page still tells the cooperatives' stories
        Assert.Contains("Tìm kiếm tạm thời không hoạt động", home, StringComparison.Ordinal);
        Assert.Contains("HTX Nông nghiệp Vi Hương", home, StringComparison.Ordinal);
    }
}
