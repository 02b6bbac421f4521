using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Catalog;
using RuralMarket.Search.Elasticsearch;
using RuralMarket.Search.Indexing;
using Client = Elastic.Clients.Elasticsearch.ElasticsearchClient;

namespace RuralMarket.Search.Tests.Elasticsearch;

/// <summary>
/// What the Elasticsearch adapter sends over the wire, through the official client and a loopback fake node, checked
/// against the shapes of Elasticsearch's REST reference; and how it reads answers, partial bulk failures and outages.
/// </summary>
public sealed class ElasticsearchAdapterTests : IAsyncDisposable
{
    private const string Alias = "ruralmarket-products";

    private static readonly SearchDocument Mien = new(
        Guid.Parse("0b9c1c53-2f7e-4a8e-9d55-6f1f6c0f5a01"), "mien-dong", "Miến dong Vi Hương", "Miến thủ công.", "Bắc Kạn", "Food", "Package", 500,
        85_000, true, 4, new DateOnly(2027, 3, 14), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        "htx-vi-huong", "HTX Vi Hương", "TN", "Thái Nguyên", "products/mien-dong/cover.webp");

    private static readonly SearchDocument Honey = Mien with
    {
        ProductId = Guid.Parse("0b9c1c53-2f7e-4a8e-9d55-6f1f6c0f5a02"), Slug = "mat-ong", Name = "Mật ong bạc hà",
        EnglishName = "Mint blossom honey", EnglishDescription = "From bees on the Dong Van plateau.",
    };

    private static readonly DateOnly Today = new(2026, 11, 22);

    private readonly FakeElasticsearch _node = new();
    private readonly Client _client;

    public ElasticsearchAdapterTests() => _client = new Client(ElasticsearchConnection.Settings(Options().Value.Elasticsearch));

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task The_first_write_creates_the_index_from_a_template_that_folds_diacritics_and_points_the_alias_at_it()
    {
        _node.Answer(HttpMethod.Get, $"/_alias/{Alias}", $$$$"""{"error":"alias [{{{{Alias}}}}] missing","status":404}""", HttpStatusCode.NotFound)
            .Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201));

        await Index().UpsertAsync([Mien], CancellationToken.None);

        var template = Json(Assert.Single(_node.To(HttpMethod.Put, "/_index_template/")));
        Assert.Equal($"{Alias}-*", Only(template["index_patterns"]!));
        var analysis = template["template"]!["settings"]!["analysis"]!;
        Assert.Equal(["lowercase", "vi_fold"], Strings(analysis["analyzer"]!["vi_folding"]!["filter"]!));
        Assert.Equal("standard", analysis["analyzer"]!["vi_folding"]!["tokenizer"]!.GetValue<string>());
        Assert.Equal(("asciifolding", true), (analysis["filter"]!["vi_fold"]!["type"]!.GetValue<string>(), analysis["filter"]!["vi_fold"]!["preserve_original"]!.GetValue<bool>()));
        Assert.Equal("edge_ngram", analysis["filter"]!["suggest_edge"]!["type"]!.GetValue<string>());
        Assert.Contains("suggest_edge", Strings(analysis["analyzer"]!["vi_suggest"]!["filter"]!));
        var mappings = template["template"]!["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var name = mappings["properties"]!["name"]!;
        Assert.Equal(("text", "vi_folding"), (name["type"]!.GetValue<string>(), name["analyzer"]!.GetValue<string>()));
        Assert.Equal("vi_exact", name["fields"]!["exact"]!["analyzer"]!.GetValue<string>());
        Assert.Equal(("vi_suggest", "vi_folding"), (name["fields"]!["suggest"]!["analyzer"]!.GetValue<string>(), name["fields"]!["suggest"]!["search_analyzer"]!.GetValue<string>()));
        Assert.Equal("keyword", mappings["properties"]!["province_code"]!["type"]!.GetValue<string>());
        var englishName = mappings["properties"]!["name_en"]!;
        Assert.Equal(("text", "vi_folding", "vi_exact"), (englishName["type"]!.GetValue<string>(), englishName["analyzer"]!.GetValue<string>(),
            englishName["fields"]!["exact"]!["analyzer"]!.GetValue<string>()));

        var created = Assert.Single(_node.Requests, r => r.Method == "PUT" && r.Path.StartsWith($"/{Alias}-", StringComparison.Ordinal));
        var alias = Json(Assert.Single(_node.To(HttpMethod.Post, "/_aliases")));
        Assert.Equal(created.Path.TrimStart('/'), alias["actions"]![0]!["add"]!["index"]!.GetValue<string>());
        Assert.Equal(Alias, alias["actions"]![0]!["add"]!["alias"]!.GetValue<string>());
        Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_bulk"));
        Assert.All(_node.Requests.Where(r => r.Body.Length > 0), r => Assert.True(r.Gzipped, $"{r.Method} {r.Path} was sent uncompressed"));
    }

    [Fact]
    public async Task A_bulk_is_ndjson_with_an_action_line_before_each_source_and_its_text_in_nfc()
    {
        KnownAlias().Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201, 200));
        var decomposed = Mien with { Name = Mien.Name.Normalize(NormalizationForm.FormD) };

        await Index().UpsertAsync([decomposed, Honey], CancellationToken.None);

        var bulk = Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_bulk"));
        Assert.Contains("refresh=wait_for", bulk.Query, StringComparison.Ordinal);
        Assert.EndsWith("\n", bulk.Body, StringComparison.Ordinal);
        var lines = Lines(bulk.Body);
        Assert.Equal(4, lines.Count);
        Assert.Equal(Mien.ProductId.ToString(), lines[0]["index"]!["_id"]!.GetValue<string>());
        Assert.Equal("Miến dong Vi Hương".Normalize(NormalizationForm.FormC), lines[1]["name"]!.GetValue<string>());
        Assert.Equal((85_000L, "2027-03-14", "TN"), (lines[1]["price"]!.GetValue<long>(), lines[1]["ocop_expires_on"]!.GetValue<string>(), lines[1]["province_code"]!.GetValue<string>()));
        Assert.Equal(Honey.ProductId.ToString(), lines[2]["index"]!["_id"]!.GetValue<string>());
        Assert.Null(lines[1]["name_en"]); // left out, so an index made before the field existed still takes it
        Assert.Equal("Mint blossom honey", lines[3]["name_en"]!.GetValue<string>());
        Assert.Contains("Dong Van plateau", lines[3]["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_products_sends_a_delete_action_per_id_and_a_missing_document_is_not_an_error()
    {
        KnownAlias().Answer(HttpMethod.Post, $"/{Alias}/_bulk",
            """{"took":1,"errors":false,"items":[{"delete":{"_index":"i","_id":"x","status":404,"result":"not_found"}}]}""");

        await Index().RemoveAsync([Mien.ProductId], CancellationToken.None);

        var line = Assert.Single(Lines(Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_bulk")).Body));
        Assert.Equal(Mien.ProductId.ToString(), line["delete"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_items_refused_for_load_are_sent_again_alone_until_they_are_written()
    {
        KnownAlias()
            .Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201, 429))
            .Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201));

        await Index().UpsertAsync([Mien, Honey], CancellationToken.None);

        var bulks = _node.To(HttpMethod.Post, $"/{Alias}/_bulk");
        Assert.Equal(2, bulks.Count);
        Assert.Equal(4, Lines(bulks[0].Body).Count);
        var resent = Lines(bulks[1].Body);
        Assert.Equal(2, resent.Count);
        Assert.Equal(Honey.ProductId.ToString(), resent[0]["index"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bulk_item_refused_for_its_content_fails_the_write_without_resending()
    {
        KnownAlias().Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201, 400));

        var error = await Assert.ThrowsAsync<ElasticsearchException>(() => Index().UpsertAsync([Mien, Honey], CancellationToken.None));

        Assert.Contains("1 of 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("document_parsing_exception", error.Message, StringComparison.Ordinal);
        Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_bulk"));
    }

    [Fact]
    public async Task Items_still_refused_after_every_resend_fail_the_write()
    {
        KnownAlias().Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(429));

        await Assert.ThrowsAsync<ElasticsearchException>(() => Index().UpsertAsync([Mien], CancellationToken.None));

        Assert.Equal(4, _node.To(HttpMethod.Post, $"/{Alias}/_bulk").Count);
    }

    [Fact]
    public async Task Rebuilding_fills_a_new_index_then_swaps_the_alias_in_one_atomic_call_and_drops_the_old_index()
    {
        KnownAlias().Answer(HttpMethod.Post, $"/{Alias}/_bulk", BulkAnswer(201, 201));

        await Index().ReindexAsync(Batches([Mien], [Honey]), new SyncProgress<int>(_ => { }), CancellationToken.None);

        var fresh = Assert.Single(_node.Requests, r => r.Method == "PUT" && r.Path.StartsWith($"/{Alias}-", StringComparison.Ordinal)).Path.TrimStart('/');
        var bulks = _node.To(HttpMethod.Post, $"/{fresh}/_bulk");
        Assert.Equal(2, bulks.Count);
        Assert.All(bulks, b => Assert.DoesNotContain("refresh", b.Query, StringComparison.Ordinal));
        Assert.Single(_node.To(HttpMethod.Post, $"/{fresh}/_refresh"));
        var swap = Json(Assert.Single(_node.To(HttpMethod.Post, "/_aliases")));
        Assert.Equal(
            $$$$"""{"actions":[{"remove":{"alias":"{{{{Alias}}}}","index":"products-old"}},{"add":{"alias":"{{{{Alias}}}}","index":"{{{{fresh}}}}","is_write_index":true}}]}""",
            swap.ToJsonString());
        Assert.Single(_node.To(HttpMethod.Delete, "/products-old"));
        var order = _node.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.True(order.IndexOf($"POST /{fresh}/_refresh") < order.IndexOf("POST /_aliases"), "the alias moved before the new index was refreshed");
        Assert.True(order.IndexOf("POST /_aliases") < order.IndexOf("DELETE /products-old"), "the old index was dropped while searches still used it");
    }

    [Fact]
    public async Task A_faceted_fuzzy_search_matches_folded_words_ranks_exact_ones_filters_and_counts_every_hit()
    {
        _node.Answer(HttpMethod.Post, $"/{Alias}/_search", SearchAnswer());
        var query = new ProductSearchQuery
        {
            Text = "MIẾN dong".Normalize(NormalizationForm.FormD), ProvinceCode = "TN", Category = ProductCategory.Food, MinStars = 4,
            MinPriceDong = 10_000, MaxPriceDong = 100_000, InStockOnly = true, Page = 2, PageSize = 10, Today = Today,
        };

        await Search().SearchAsync(query, CancellationToken.None);

        var body = Json(Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_search")));
        Assert.Equal((10, 10, true), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>(), body["track_total_hits"]!.GetValue<bool>()));
        var score = body["query"]!["function_score"]!;
        var text = First(score["query"]!["bool"]!["must"]!)["bool"]!;
        var fuzzy = First(text["must"]!)["multi_match"]!;
        Assert.Equal(("mien dong", "AUTO", "and"), (fuzzy["query"]!.GetValue<string>(), fuzzy["fuzziness"]!.GetValue<string>(), fuzzy["operator"]!.GetValue<string>()));
        Assert.Equal(["name^4", "name_en^4", "body"], Strings(fuzzy["fields"]!));
        Assert.Equal("miến dong", First(text["should"]!)["multi_match"]!["query"]!.GetValue<string>());
        Assert.Equal(["name.exact^6", "name_en.exact^6", "body.exact"], Strings(First(text["should"]!)["multi_match"]!["fields"]!));
        var filters = score["query"]!["bool"]!["filter"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        Assert.Contains("""{"term":{"province_code":{"value":"TN"}}}""", filters);
        Assert.Contains("""{"term":{"category":{"value":"Food"}}}""", filters);
        Assert.Contains("""{"range":{"ocop_stars":{"gte":4}}}""", filters);
        Assert.Contains("""{"range":{"ocop_expires_on":{"gte":"2026-11-22"}}}""", filters);
        Assert.Contains("""{"range":{"price":{"gte":10000,"lte":100000}}}""", filters);
        Assert.Contains("""{"term":{"in_stock":{"value":true}}}""", filters);
        Assert.Equal("province_code", body["aggregations"]!["provinces"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("category", body["aggregations"]!["categories"]!["terms"]!["field"]!.GetValue<string>());
        Assert.Equal("ocop_stars", body["aggregations"]!["stars"]!["aggregations"]!["by_stars"]!["terms"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browse_without_words_matches_everything_and_sorts_by_stars_then_name()
    {
        _node.Answer(HttpMethod.Post, $"/{Alias}/_search", SearchAnswer());

        await Search().SearchAsync(new ProductSearchQuery { Today = Today }, CancellationToken.None);

        var body = Json(Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_search")));
        Assert.NotNull(First(body["query"]!["function_score"]!["query"]!["bool"]!["must"]!)["match_all"]);
        Assert.Equal(
            """[{"_score":{}},{"ocop_stars":{"missing":"_last","order":"desc"}},{"name.sort":{"order":"asc"}}]""",
            body["sort"]!.ToJsonString());
    }

    [Fact]
    public async Task Search_results_and_facets_are_read_from_the_answer_and_an_expired_certificate_shows_no_stars()
    {
        _node.Answer(HttpMethod.Post, $"/{Alias}/_search", SearchAnswer());

        var result = await Search().SearchAsync(new ProductSearchQuery { Text = "mien", Today = Today }, CancellationToken.None);

        Assert.Equal(2, result.Total);
        Assert.Equal(2, result.Items.Count);
        var mien = result.Items[0];
        Assert.Equal((Mien.ProductId, "Miến dong Vi Hương", 85_000L, (int?)4, "TN"), (mien.ProductId, mien.Name, mien.PriceDong, mien.OcopStars, mien.ProvinceCode));
        Assert.Null(result.Items[1].OcopStars);
        Assert.Equal((null, "Mint blossom honey"), (mien.EnglishName, result.Items[1].EnglishName));
        Assert.Equal(new FacetCount("TN", "Thái Nguyên", 2), Assert.Single(result.Facets.Provinces));
        Assert.Equal(new FacetCount("Food", "Food", 2), Assert.Single(result.Facets.Categories));
        Assert.Equal(new FacetCount("4", "4", 1), Assert.Single(result.Facets.Stars));
    }

    [Fact]
    public async Task Suggestions_match_the_folded_prefix_on_the_edge_ngram_field()
    {
        _node.Answer(HttpMethod.Post, $"/{Alias}/_search", SearchAnswer());

        var suggestions = await Search().SuggestAsync("Mật ô", 5, CancellationToken.None);

        Assert.Equal(["mien-dong", "mat-ong"], suggestions.Select(s => s.Slug));
        var body = Json(Assert.Single(_node.To(HttpMethod.Post, $"/{Alias}/_search")));
        Assert.Equal(5, body["size"]!.GetValue<int>());
        var match = body["query"]!["match"]!["name.suggest"]!;
        Assert.Equal(("mat o", "and"), (match["query"]!.GetValue<string>(), match["operator"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_503_from_the_cluster_means_search_is_unavailable_and_the_cause_names_the_status()
    {
        _node.Answer(HttpMethod.Post, $"/{Alias}/_search", """{"error":{"type":"cluster_block_exception","reason":"blocked"},"status":503}""", HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() =>
            Search().SearchAsync(new ProductSearchQuery { Today = Today }, CancellationToken.None));

        var cause = Assert.IsType<ElasticsearchException>(error.InnerException);
        Assert.Contains("503", cause.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("blocked", error.Message, StringComparison.Ordinal);
    }

    private FakeElasticsearch KnownAlias() =>
        _node.Answer(HttpMethod.Get, $"/_alias/{Alias}", """{"products-old":{"aliases":{"ALIAS":{}}}}""".Replace("ALIAS", Alias, StringComparison.Ordinal));

    private ElasticsearchSearchIndex Index() => new(
        _client,
        new ProductBulkWriter(_client, TimeProvider.System, NullLogger<ProductBulkWriter>.Instance) { Backoff = [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero] },
        Options(), TimeProvider.System);

    private ElasticsearchProductSearch Search() => new(_client, Options());

    private IOptions<SearchOptions> Options() => Microsoft.Extensions.Options.Options.Create(new SearchOptions
    {
        Provider = SearchProvider.Elasticsearch,
        Elasticsearch = new ElasticsearchOptions { Url = _node.Url, Alias = Alias },
    });

    /// <summary>A bulk answer with one item per status; 4xx and 5xx items carry the error Elasticsearch gives for them.</summary>
    private static string BulkAnswer(params int[] statuses)
    {
        var items = statuses.Select((status, i) => status switch
        {
            429 => $$$$"""{"index":{"_index":"i","_id":"{{{{i}}}}","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}}""",
            >= 400 => $$$$"""{"index":{"_index":"i","_id":"{{{{i}}}}","status":{{{{status}}}},"error":{"type":"document_parsing_exception","reason":"bad"}}}""",
            _ => $$$$"""{"index":{"_index":"i","_id":"{{{{i}}}}","status":{{{{status}}}},"result":"created"}}""",
        });
        return $$$$"""{"took":3,"errors":{{{{(statuses.Any(s => s >= 400) ? "true" : "false")}}}},"items":[{{{{string.Join(',', items)}}}}]}""";
    }

    /// <summary>Two hits (the second with an expired certificate) and the facets, with the typed keys the client asks for.</summary>
    private static string SearchAnswer()
    {
        var expired = Honey with { OcopExpiresOn = new DateOnly(2026, 1, 1) };
        string Source(SearchDocument d) => System.Text.Json.JsonSerializer.Serialize(IndexedProduct.From(d));
        return $$$$"""
            {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,"hits":[
               {"_index":"i","_id":"{{{{Mien.ProductId}}}}","_score":1.0,"_source":{{{{Source(Mien)}}}}},
               {"_index":"i","_id":"{{{{Honey.ProductId}}}}","_score":0.5,"_source":{{{{Source(expired)}}}}}]},
             "aggregations":{
               "sterms#provinces":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
                 {"key":"TN","doc_count":2,"sterms#name":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Thái Nguyên","doc_count":2}]}}]},
               "sterms#categories":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Food","doc_count":2}]},
               "filter#stars":{"doc_count":1,"lterms#by_stars":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":4,"doc_count":1}]}}}
            """ + "}";
    }

    private static async IAsyncEnumerable<IReadOnlyList<SearchDocument>> Batches(params IReadOnlyList<SearchDocument>[] batches)
    {
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return batch;
        }
    }

    private static JsonNode Json(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    private static List<JsonNode> Lines(string ndjson) => ndjson.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToList();

    /// <summary>A clause list's first clause: the client writes a list of one as the clause itself, which Elasticsearch accepts.</summary>
    private static JsonNode First(JsonNode clauses) => clauses is JsonArray array ? array[0]! : clauses;

    private static string Only(JsonNode value) => value is JsonArray array ? Assert.Single(array)!.GetValue<string>() : value.GetValue<string>();
}
