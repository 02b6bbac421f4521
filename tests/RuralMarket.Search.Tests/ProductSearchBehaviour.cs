using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Search.Indexing;
using RuralMarket.Silo;

namespace RuralMarket.Search.Tests;

/// <summary>
/// What a buyer can expect of search, written once and run against every adapter: SQLite FTS5, PostgreSQL, and
/// Elasticsearch when a cluster is configured.
/// </summary>
public abstract class ProductSearchBehaviour(DatabaseKind database, bool elasticsearch = false) : IAsyncLifetime
{
    private TestPlatform _platform = null!;
    private SearchCatalogue _catalogue = null!;

    private IProductSearch Search => _platform.Services.GetRequiredService<IProductSearch>();

    public async Task InitializeAsync()
    {
        _platform = await TestPlatform.StartAsync(database, builder =>
        {
            builder.Configuration["Silo:Enabled"] = "false";
            if (elasticsearch)
            {
                builder.Configuration["Search:Provider"] = "Elasticsearch";
                builder.Configuration["Search:Elasticsearch:Url"] = IUsesElasticsearch.Url!.ToString();
                builder.Configuration["Search:Elasticsearch:Alias"] = $"rm-test-{Guid.NewGuid():N}";
            }
            builder.AddSiloServices();
            builder.AddSearch();
        });
        _catalogue = await SearchCatalogue.CreateAsync(_platform);
        await _platform.Services.GetRequiredService<SearchReindexer>().RunAsync(new SyncProgress<(int, int)>(_ => { }), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private Task<ProductSearchResult> FindAsync(string text, Func<ProductSearchQuery, ProductSearchQuery>? refine = null)
    {
        var query = new ProductSearchQuery { Text = text, Today = VietnamCalendar.Today(_platform.Clock), PageSize = 50 };
        return Search.SearchAsync(refine?.Invoke(query) ?? query, CancellationToken.None);
    }

    private async Task<List<string>> SlugsAsync(string text, Func<ProductSearchQuery, ProductSearchQuery>? refine = null) =>
        (await FindAsync(text, refine)).Items.Select(i => i.Slug).ToList();

    [ServiceFact]
    public async Task Diacritics_case_and_decomposed_unicode_do_not_change_the_results()
    {
        var expected = await SlugsAsync("mien dong");

        Assert.Equal("mien-dong", expected.FirstOrDefault());
        foreach (var variant in new[] { "miến dong", "MIẾN DONG", "Miến Dong".Normalize(NormalizationForm.FormD), "MiẾn DoNg" })
        {
            Assert.Equal(expected, await SlugsAsync(variant));
        }
    }

    [ServiceFact]
    public async Task D_with_stroke_matches_plain_d_both_ways()
    {
        Assert.Contains("hat-sen", await SlugsAsync("dong thap"));
        Assert.Contains("hat-sen", await SlugsAsync("Đồng Tháp"));
        Assert.Contains("hat-sen", await SlugsAsync("ĐỒNG THÁP"));
        Assert.Contains("mien-dong", await SlugsAsync("Miến đong"));
    }

    [ServiceFact]
    public async Task Exact_diacritics_rank_above_folded_matches()
    {
        Assert.Equal(["mit-say", "mit-ngot"], (await SlugsAsync("mít")).Take(2));
        Assert.Equal(["mit-ngot", "mit-say"], (await SlugsAsync("mịt")).Take(2));
        Assert.Equal(["mit-ngot", "mit-say"], (await SlugsAsync("mit")).Order(StringComparer.Ordinal));
    }

    [ServiceFact]
    public async Task One_typo_is_tolerated_in_longer_words()
    {
        Assert.Equal("mat-ong-rung", (await SlugsAsync("mat ongg")).FirstOrDefault());
        Assert.Equal("vai-thieu", (await SlugsAsync("vai thieuu")).FirstOrDefault());
        Assert.Equal("mien-dong", (await SlugsAsync("mein dong")).FirstOrDefault()); // swapped letters
        Assert.Empty(await SlugsAsync("xyzxyz"));
    }

    [ServiceFact]
    public async Task In_stock_products_with_a_valid_certificate_rank_higher_all_else_equal()
    {
        var slugs = await SlugsAsync("gao thom ruong sen");

        Assert.Equal(["gao-b", "gao-a"], slugs.Take(2));
    }

    [ServiceFact]
    public async Task Drafts_never_appear_and_archived_products_leave_the_index()
    {
        Assert.DoesNotContain("ban-nhap", await SlugsAsync("mien dong"));
        Assert.DoesNotContain("ban-nhap", await SlugsAsync(""));

        await using (var db = _platform.NewContext())
        {
            var product = await db.Products.FindAsync(_catalogue["mien-dong"]);
            product!.Archive(_platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await _platform.Services.GetRequiredService<SearchIndexingHandler>().RefreshAsync([_catalogue["mien-dong"]], CancellationToken.None);

        Assert.Empty(await SlugsAsync("mien dong"));
    }

    [ServiceFact]
    public async Task English_words_find_products_by_their_English_name_and_description()
    {
        var honey = await FindAsync("honey");
        Assert.Equal(["mat-ong-rung"], honey.Items.Select(i => i.Slug));
        Assert.Equal("Wild forest honey", honey.Items[0].EnglishName);
        Assert.Equal("Mật ong rừng", honey.Items[0].Name);

        Assert.Equal("mien-dong", (await SlugsAsync("vermicelli")).FirstOrDefault());
        Assert.Equal("mien-dong", (await SlugsAsync("Glass Vermicelli")).FirstOrDefault());
        Assert.Equal(["mien-dong"], await SlugsAsync("canna noodles")); // words of the English description only
        Assert.Null((await FindAsync("vai thieu")).Items.Single(i => i.Slug == "vai-thieu").EnglishName);
    }

    [ServiceFact]
    public async Task Filters_narrow_the_results()
    {
        Assert.Equal(new[] { "gao-a", "gao-b", "hat-sen", "tra-sen" }, (await SlugsAsync("", q => q with { ProvinceCode = "DT" })).Order(StringComparer.Ordinal));
        Assert.Equal(["ruou-vai", "tra-shan"], (await SlugsAsync("", q => q with { Category = ProductCategory.Beverages })).Order());
        Assert.Equal(["tra-shan", "vai-thieu"], (await SlugsAsync("", q => q with { MinStars = 5 })).Order());
        Assert.DoesNotContain("mang-kho", await SlugsAsync("", q => q with { MinStars = 3 })); // its certificate expired
        Assert.Equal(["mit-ngot", "mit-say", "vai-thieu"], (await SlugsAsync("", q => q with { MaxPriceDong = 60_000 })).Order());
        Assert.Equal(["mat-ong-rung"], await SlugsAsync("", q => q with { MinPriceDong = 300_000 }));
        var inStock = await SlugsAsync("", q => q with { InStockOnly = true });
        Assert.DoesNotContain("ruou-vai", inStock);
        Assert.DoesNotContain("gao-a", inStock);
        Assert.Equal(["vai-thieu"], await SlugsAsync("vai", q => q with { ProvinceCode = "HP", MinStars = 4, InStockOnly = true }));
        Assert.Empty(await SlugsAsync("", q => q with { ProvinceCode = "ZZ" }));
    }

    [ServiceFact]
    public async Task Facets_count_the_matching_products_by_province_category_and_valid_stars()
    {
        var result = await FindAsync("");

        Assert.Equal(12, result.Total);
        Assert.Equal([("DT", 4), ("HP", 4), ("TN", 4)], result.Facets.Provinces.Select(f => (f.Value, f.Count)).OrderBy(f => f.Value));
        Assert.Contains(result.Facets.Provinces, f => f.Value == "DT" && f.Label == "Đồng Tháp");
        Assert.Equal([("Beverages", 2), ("Food", 9), ("Herbal", 1)], result.Facets.Categories.Select(f => (f.Value, f.Count)).OrderBy(f => f.Value));
        Assert.Equal([("5", 2), ("4", 3), ("3", 2)], result.Facets.Stars.Select(f => (f.Value, f.Count))); // the expired 3-star is not counted

        var honey = await FindAsync("mat ong");
        Assert.Equal(honey.Total, honey.Facets.Provinces.Sum(f => f.Count));
    }

    [ServiceFact]
    public async Task Pages_split_the_results_without_overlap()
    {
        var first = await FindAsync("", q => q with { PageSize = 5, Page = 1 });
        var second = await FindAsync("", q => q with { PageSize = 5, Page = 2 });
        var third = await FindAsync("", q => q with { PageSize = 5, Page = 3 });
        var beyond = await FindAsync("", q => q with { PageSize = 5, Page = 9 });

        Assert.Equal((5, 5, 2, 0), (first.Items.Count, second.Items.Count, third.Items.Count, beyond.Items.Count));
        Assert.All(new[] { first, second, third, beyond }, page => Assert.Equal(12, page.Total));
        Assert.Equal(12, first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Slug).Distinct().Count());
    }

    [ServiceFact]
    public async Task Results_sort_by_price_and_by_newest()
    {
        var cheapest = (await FindAsync("", q => q with { Sort = SearchSort.PriceAscending })).Items.Select(i => i.PriceDong).ToList();
        Assert.Equal(cheapest.Order(), cheapest);
        var dearest = (await FindAsync("", q => q with { Sort = SearchSort.PriceDescending })).Items.Select(i => i.PriceDong).ToList();
        Assert.Equal(dearest.OrderDescending(), dearest);
        Assert.Equal("gao-b", (await SlugsAsync("", q => q with { Sort = SearchSort.Newest })).First());
    }

    [ServiceFact]
    public async Task Browsing_without_text_puts_certified_products_first()
    {
        var stars = (await FindAsync("")).Items.Select(i => i.OcopStars ?? 0).ToList();

        Assert.Equal(stars.OrderDescending(), stars);
        Assert.Null((await FindAsync("mang kho")).Items.Single().OcopStars);
    }

    [ServiceFact]
    public async Task Suggestions_complete_the_last_word()
    {
        var suggestions = await Search.SuggestAsync("mien d", 8, CancellationToken.None);
        Assert.Equal(["mien-dong"], suggestions.Select(s => s.Slug));
        Assert.Equal("Miến dong Vi Hương", suggestions[0].Name);

        Assert.Contains(await Search.SuggestAsync("TRÀ", 8, CancellationToken.None), s => s.Slug == "tra-sen");
        Assert.Equal(2, (await Search.SuggestAsync("tra", 2, CancellationToken.None)).Count);
        Assert.Empty(await Search.SuggestAsync("zzq", 8, CancellationToken.None));
        Assert.Empty(await Search.SuggestAsync("  !!", 8, CancellationToken.None));
    }

    [ServiceFact]
    public async Task Reindexing_rebuilds_the_index_from_the_database()
    {
        await using (var db = _platform.NewContext())
        {
            var product = await db.Products.FindAsync(_catalogue["vai-thieu"]);
            product!.Archive(_platform.Clock.GetUtcNow());
            var draft = await db.Products.FindAsync(_catalogue["ban-nhap"]);
            draft!.Publish(_platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var reports = new List<(int Done, int Total)>();

        var written = await _platform.Services.GetRequiredService<SearchReindexer>().RunAsync(new SyncProgress<(int, int)>(reports.Add), CancellationToken.None);

        Assert.Equal(12, written);
        Assert.Equal((12, 12), reports[^1]);
        Assert.DoesNotContain("vai-thieu", await SlugsAsync("vai"));
        Assert.Contains("ban-nhap", await SlugsAsync("ban nhap"));
        Assert.Equal(12, (await FindAsync("")).Total);
    }

    [ServiceFact]
    public async Task Hostile_or_odd_text_gives_a_normal_result()
    {
        var hostile = new[]
        {
            "", " ", "!!!", "\"", "*", "NEAR", "mien NEAR dong", "-mien", "name_folded:mien", "mien*", "\"mien dong",
            "'; DROP TABLE search_products; --", "1 OR 1=1", "mien & | ! dong", "mien:* & dong", "(mien", "{name_exact}",
            "\u0000", "a\uD800b", new string('x', ProductSearchQuery.Limits.MaxTextLength), "😀 mật ong 😀",
        };
        foreach (var text in hostile)
        {
            var result = await FindAsync(text);
            Assert.True(result.Total >= 0, text);
        }
        Assert.Equal("mat-ong-rung", (await SlugsAsync("😀 mật ong 😀")).First());
        Assert.Equal("mien-dong", (await SlugsAsync("\"mien dong")).First());
    }
}

public sealed class SqliteProductSearchTests() : ProductSearchBehaviour(DatabaseKind.Sqlite);

public sealed class PostgresProductSearchTests() : ProductSearchBehaviour(DatabaseKind.Postgres), IUsesPostgres;

public sealed class ElasticsearchProductSearchTests() : ProductSearchBehaviour(DatabaseKind.Sqlite, elasticsearch: true), IUsesElasticsearch;
