using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Catalog;
using RuralMarket.Search.Elasticsearch;

namespace RuralMarket.Search.Tests.Elasticsearch;

/// <summary>The requests the Elasticsearch adapter sends, checked against the shapes of Elasticsearch's REST API reference.</summary>
public class ElasticsearchAdapterTests
{
    private static readonly SearchDocument Mien = new(
        Guid.Parse("0b9c1c53-2f7e-4a8e-9d55-6f1f6c0f5a01"), "mien-dong", "Miến dong Vi Hương", "Miến thủ công.", "Bắc Kạn", "Food", "Package", 500,
        85_000, true, 4, new DateOnly(2027, 3, 14), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        "htx-vi-huong", "HTX Vi Hương", "TN", "Thái Nguyên", "products/mien-dong/cover.webp");

    [Fact]
    public void The_index_template_folds_diacritics_and_has_an_edge_ngram_suggest_field()
    {
        var template = ElasticsearchRequests.IndexTemplate("ruralmarket-products");

        Assert.Equal("ruralmarket-products-*", template["index_patterns"]![0]!.GetValue<string>());
        var analysis = template["template"]!["settings"]!["analysis"]!;
        Assert.Equal(["lowercase", "asciifolding"], Strings(analysis["analyzer"]!["vi_folding"]!["filter"]!));
        Assert.Equal("standard", analysis["analyzer"]!["vi_folding"]!["tokenizer"]!.GetValue<string>());
        Assert.Equal("edge_ngram", analysis["filter"]!["suggest_edge"]!["type"]!.GetValue<string>());
        Assert.Contains("suggest_edge", Strings(analysis["analyzer"]!["vi_suggest"]!["filter"]!));
        var name = template["template"]!["mappings"]!["properties"]!["name"]!;
        Assert.Equal(("text", "vi_folding"), (name["type"]!.GetValue<string>(), name["analyzer"]!.GetValue<string>()));
        Assert.Equal("vi_suggest", name["fields"]!["suggest"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("vi_folding", name["fields"]!["suggest"]!["search_analyzer"]!.GetValue<string>());
        Assert.Equal("keyword", template["template"]!["mappings"]!["properties"]!["province_code"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_bulk_batch_is_ndjson_with_an_action_line_before_each_source()
    {
        var body = ElasticsearchRequests.Bulk("products-1", [Mien], [Guid.Parse("11111111-1111-1111-1111-111111111111")]);

        Assert.EndsWith("\n", body, StringComparison.Ordinal);
        var lines = body.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(("products-1", Mien.ProductId.ToString()), (lines[0]["index"]!["_index"]!.GetValue<string>(), lines[0]["index"]!["_id"]!.GetValue<string>()));
        Assert.Equal(("Miến dong Vi Hương", 85_000L, "2027-03-14"), (lines[1]["name"]!.GetValue<string>(), lines[1]["price"]!.GetValue<long>(), lines[1]["ocop_expires_on"]!.GetValue<string>()));
        Assert.Equal("11111111-1111-1111-1111-111111111111", lines[2]["delete"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_faceted_fuzzy_query_matches_folded_words_ranks_exact_ones_and_filters()
    {
        var query = new ProductSearchQuery
        {
            Text = "miến dong", ProvinceCode = "TN", Category = ProductCategory.Food, MinStars = 4, MinPriceDong = 10_000, MaxPriceDong = 100_000,
            InStockOnly = true, Page = 2, PageSize = 10, Today = new DateOnly(2026, 11, 22),
        };

        var body = ElasticsearchRequests.Search(query, SearchTerm.Parse(query.Text));

        Assert.Equal((10, 10), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>()));
        var score = body["query"]!["function_score"]!;
        var text = score["query"]!["bool"]!["must"]![0]!["bool"]!;
        var fuzzy = text["must"]![0]!["multi_match"]!;
        Assert.Equal(("mien dong", "AUTO", "and"), (fuzzy["query"]!.GetValue<string>(), fuzzy["fuzziness"]!.GetValue<string>(), fuzzy["operator"]!.GetValue<string>()));
        Assert.Equal(["name^4", "body"], Strings(fuzzy["fields"]!));
        Assert.Equal("miến dong", text["should"]![0]!["multi_match"]!["query"]!.GetValue<string>());
        var filters = score["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        Assert.Contains("""{"term":{"province_code":"TN"}}""", filters);
        Assert.Contains("""{"term":{"category":"Food"}}""", filters);
        Assert.Contains("""{"range":{"ocop_stars":{"gte":4}}}""", filters);
        Assert.Contains("""{"range":{"ocop_expires_on":{"gte":"2026-11-22"}}}""", filters);
        Assert.Contains("""{"range":{"price":{"gte":10000,"lte":100000}}}""", filters);
        Assert.Contains("""{"term":{"in_stock":true}}""", filters);
        Assert.Equal("province_code", body["aggs"]!["provinces"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("category", body["aggs"]!["categories"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("ocop_stars", body["aggs"]!["stars"]!["aggs"]!["by_stars"]!["terms"]!["field"]!.GetValue<string>());
        Assert.True(body["track_total_hits"]!.GetValue<bool>());
    }

    [Fact]
    public void Rebuilding_swaps_the_alias_in_one_atomic_call()
    {
        var swap = ElasticsearchSearchIndex.AliasSwap("products", ["products-old"], "products-new");

        Assert.Equal(
            """{"actions":[{"remove":{"index":"products-old","alias":"products"}},{"add":{"index":"products-new","alias":"products","is_write_index":true}}]}""",
            swap.ToJsonString());
    }

    [Fact]
    public async Task Search_results_and_facets_are_read_from_the_response()
    {
        var response = """{"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_id":"x","_source":"""
            + ElasticsearchRequests.Source(Mien).ToJsonString()
            + """
            }]},"aggregations":{
              "provinces":{"buckets":[{"key":"TN","doc_count":1,"name":{"buckets":[{"key":"Thái Nguyên","doc_count":1}]}}]},
              "categories":{"buckets":[{"key":"Food","doc_count":1}]},
              "stars":{"doc_count":1,"by_stars":{"buckets":[{"key":4,"doc_count":1}]}}}}
            """;
        var fake = new FakeElasticsearch().Answer(HttpMethod.Post, "/ruralmarket-products/_search", response);
        var search = new ElasticsearchProductSearch(Client(fake), Options());

        var result = await search.SearchAsync(new ProductSearchQuery { Text = "mien", Today = new DateOnly(2026, 11, 22) }, CancellationToken.None);

        var hit = Assert.Single(result.Items);
        Assert.Equal((Mien.ProductId, "Miến dong Vi Hương", 85_000L, (int?)4), (hit.ProductId, hit.Name, hit.PriceDong, hit.OcopStars));
        Assert.Equal(1, result.Total);
        Assert.Equal(new FacetCount("TN", "Thái Nguyên", 1), Assert.Single(result.Facets.Provinces));
        Assert.Equal(new FacetCount("4", "4", 1), Assert.Single(result.Facets.Stars));
        Assert.Equal(HttpMethod.Post, Assert.Single(fake.Requests).Method);
    }

    [Fact]
    public async Task An_error_from_the_cluster_means_search_is_unavailable_and_the_cause_names_the_status()
    {
        var fake = new FakeElasticsearch().Answer(HttpMethod.Post, "/ruralmarket-products/_search", """{"error":"boom"}""", System.Net.HttpStatusCode.ServiceUnavailable);
        var search = new ElasticsearchProductSearch(Client(fake), Options());

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() =>
            search.SearchAsync(new ProductSearchQuery { Today = new DateOnly(2026, 11, 22) }, CancellationToken.None));
        Assert.Contains("503", Assert.IsType<ElasticsearchException>(error.InnerException).Message, StringComparison.Ordinal);
    }

    private static IOptions<SearchOptions> Options() => Microsoft.Extensions.Options.Options.Create(new SearchOptions
    {
        Provider = SearchProvider.Elasticsearch,
        Elasticsearch = new ElasticsearchOptions { Url = new Uri("http://elasticsearch.test:9200/") },
    });

    private static ElasticsearchClient Client(FakeElasticsearch fake) => new(fake.Factory(Options().Value.Elasticsearch));

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
