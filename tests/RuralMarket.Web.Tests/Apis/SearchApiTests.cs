using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;
using RuralMarket.Web.Apis;

namespace RuralMarket.Web.Tests.Apis;

public abstract class SearchApiTests(DatabaseKind kind) : WebAppTest(kind)
{
    private async Task<ProductListResponse> GetAsync(string query) =>
        (await Client.GetFromJsonAsync<ProductListResponse>($"/api/v1/products?{query}"))!;

    [ServiceFact]
    public async Task Mien_dong_without_diacritics_finds_mien_dong()
    {
        var result = await GetAsync("q=mien%20dong");

        Assert.Equal("Miến dong Vi Hương", result.Items[0].Name);
        Assert.All(result.Items, item => Assert.Contains("mien-dong", item.Slug, StringComparison.Ordinal));
        Assert.Equal("TN", Assert.Single(result.Facets.Provinces).Value);
        Assert.Equal("Thực phẩm", Assert.Single(result.Facets.Categories).Label);
    }

    [ServiceFact]
    public async Task Filters_and_sort_arrive_through_the_query_string()
    {
        var result = await GetAsync("province=hp&category=food&minStars=4&maxPrice=100000&inStock=true&sort=price_asc");

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, item =>
        {
            Assert.Equal(("HP", "Food", true), (item.ProvinceCode, item.Category, item.InStock));
            Assert.True(item.OcopStars >= 4 && item.PriceDong <= 100_000);
        });
        Assert.Equal(result.Items.Select(i => i.PriceDong).Order(), result.Items.Select(i => i.PriceDong));
    }

    [ServiceFact]
    public async Task Suggestions_complete_what_was_typed()
    {
        var suggestions = await Client.GetFromJsonAsync<List<Suggestion>>("/api/v1/products/suggest?q=mi%E1%BA%BFn%20d");

        Assert.Contains(suggestions!, s => s.Slug == "mien-dong-vi-huong");
        Assert.True(suggestions!.Count <= 8);
        Assert.Empty((await Client.GetFromJsonAsync<List<Suggestion>>("/api/v1/products/suggest?q="))!);
    }

    [ServiceFact]
    public async Task Out_of_range_and_malformed_parameters_are_400_with_a_code_naming_the_parameter()
    {
        var cases = new (string Query, string Code, string Field)[]
        {
            ("q=" + new string('a', 1000), "query.text_too_long", "q"),
            ("page=0", "query.page_out_of_range", "page"),
            ("page=1001", "query.page_out_of_range", "page"),
            ("pageSize=101", "query.page_size_out_of_range", "pageSize"),
            ("minPrice=-1", "query.price_out_of_range", "minPrice"),
            ("maxPrice=1000000001", "query.price_out_of_range", "maxPrice"),
            ("minPrice=500&maxPrice=100", "query.price_range_inverted", "minPrice"),
            ("minStars=2", "query.stars_out_of_range", "minStars"),
            ("category=Xyz", "query.category_unknown", "category"),
            ("category=1", "query.category_unknown", "category"),
            ("sort=cheap", "query.sort_unknown", "sort"),
            ("province=%3Cscript%3E", "query.province_invalid", "province"),
        };
        foreach (var (query, code, field) in cases)
        {
            var response = await Client.GetAsync($"/api/v1/products?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/v1/products/suggest?q=" + new string('a', 1000))).StatusCode);
    }

    [ServiceFact]
    public async Task Engine_syntax_sql_and_broken_utf8_give_a_normal_answer_never_an_engine_error()
    {
        foreach (var q in new[] { "%22", "*", "NEAR", "-", "%3A", "mien%20NEAR%2F2%20dong", "%27%3B%20DROP%20TABLE%20products%3B--", "%C3%28", "%FF%FE", "%E2%80%AE", "!!!", "%00" })
        {
            var response = await Client.GetAsync($"/api/v1/products?q={q}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("syntax", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class SqliteSearchApiTests() : SearchApiTests(DatabaseKind.Sqlite)
{
    /// <summary>The embedded default's relay polls every 0.5 s; a change must be found within 2 s without anyone reindexing.</summary>
    [Fact]
    public async Task A_price_change_is_searchable_within_two_seconds()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        var client = await app.ReadyClientAsync();
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        await using (var db = new RuralMarketDbContext(new DbContextOptionsBuilder<RuralMarketDbContext>().UseSqlite(options.ConnectionString).Options))
        {
            var product = await db.Products.SingleAsync(p => p.Slug == "mien-dong-vi-huong");
            product.ChangePrice(Money.FromDong(91_000), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var clock = Stopwatch.StartNew();
        long price;
        do
        {
            var result = (await client.GetFromJsonAsync<ProductListResponse>("/api/v1/products?q=mien%20dong%20vi%20huong"))!;
            price = result.Items.Single(i => i.Slug == "mien-dong-vi-huong").PriceDong;
        }
        while (price != 91_000 && clock.Elapsed < TimeSpan.FromSeconds(2) && await Delay());

        Assert.Equal(91_000, price);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }
}

public sealed class PostgresSearchApiTests() : SearchApiTests(DatabaseKind.Postgres), IUsesPostgres;
