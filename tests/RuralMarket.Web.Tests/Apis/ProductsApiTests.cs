using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuralMarket.Web.Apis;

namespace RuralMarket.Web.Tests.Apis;

public abstract class ProductsApiTests(DatabaseKind kind) : WebAppTest(kind)
{
    private async Task<List<ProductListItem>> AllProductsAsync()
    {
        var items = new List<ProductListItem>();
        for (var page = 1; ; page++)
        {
            var response = (await Client.GetFromJsonAsync<ProductListResponse>($"/api/v1/products?page={page}&pageSize=20"))!;
            items.AddRange(response.Items);
            if (items.Count >= response.Total || response.Items.Count == 0)
            {
                Assert.Equal(45, response.Total);
                return items;
            }
        }
    }

    [ServiceFact]
    public async Task Returns_the_seed_catalogue_paged_with_a_total()
    {
        var all = await AllProductsAsync();

        Assert.Equal(45, all.Count);
        Assert.Equal(45, all.Select(p => p.Slug).Distinct().Count());
        var mien = Assert.Single(all, p => p.Slug == "mien-dong-vi-huong");
        Assert.Equal(("Miến dong Vi Hương", 85_000L, "85.000\u00A0₫", 4), (mien.Name, mien.PriceDong, mien.PriceText, mien.OcopStars!.Value));
        Assert.Equal(("htx-nong-nghiep-vi-huong", "Thái Nguyên"), (mien.CooperativeSlug, mien.ProvinceName));
        Assert.Matches("^/media/products/[0-9a-f]{32}/800\\.webp$", mien.PhotoUrl);
        var photo = await Client.GetAsync(mien.PhotoUrl);
        Assert.Equal("image/webp", photo.Content.Headers.ContentType?.MediaType);
        Assert.True((await photo.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [ServiceFact]
    public async Task An_expired_certificate_shows_no_stars_and_certified_products_come_first()
    {
        var all = await AllProductsAsync();

        Assert.Null(Assert.Single(all, p => p.Slug == "mang-kho-vi-huong").OcopStars); // issued 2023-01-10, expired 2026-01-09
        var stars = all.Select(p => p.OcopStars ?? 0).ToList();
        Assert.Equal(stars.OrderDescending(), stars);
        Assert.Equal(5, all[0].OcopStars);
        Assert.False(Assert.Single(all, p => p.Slug == "ca-phe-robusta-xay-san").InStock);
    }

    [ServiceFact]
    public async Task Out_of_range_paging_is_a_400_with_a_vietnamese_title_and_a_code()
    {
        foreach (var (query, code) in new[]
        {
            ("page=0", "query.page_out_of_range"),
            ("page=10001", "query.page_out_of_range"),
            ("pageSize=101", "query.page_size_out_of_range"),
            ("page=abc", "request.invalid"),
            ("page=99999999999999999999", "request.invalid"),
        })
        {
            var response = await Client.GetAsync($"/api/v1/products?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Contains(problem.GetProperty("title").GetString()!, t => t is 'ố' or 'ầ' or 'ợ' or 'ệ'); // Vietnamese, not "Bad Request"
        }
    }

    [ServiceFact]
    public async Task The_home_page_lists_the_seeded_products_with_vietnamese_prices()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/"));

        Assert.Contains("Miến dong Vi Hương", html, StringComparison.Ordinal);
        Assert.Contains("85.000\u00A0₫", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        var english = WebUtility.HtmlDecode(await Client.GetStringAsync("/?culture=en-US"));
        Assert.Contains("OCOP products from the cooperatives", english, StringComparison.Ordinal);
        Assert.Contains("85.000\u00A0₫", english, StringComparison.Ordinal);
    }
}

public sealed class SqliteProductsApiTests() : ProductsApiTests(DatabaseKind.Sqlite);

public sealed class PostgresProductsApiTests() : ProductsApiTests(DatabaseKind.Postgres), IUsesPostgres;
