using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// The JSON bodies the adapter sends, in one place so tests can check them against Elasticsearch's REST reference:
/// the index template (asciifolding analyzer, edge-n-gram suggest field), bulk batches, and the faceted fuzzy query.
/// </summary>
internal static class ElasticsearchRequests
{
    public static JsonObject IndexTemplate(string alias) => new()
    {
        ["index_patterns"] = new JsonArray($"{alias}-*"),
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["number_of_shards"] = 1,
                ["analysis"] = new JsonObject
                {
                    ["filter"] = new JsonObject
                    {
                        ["suggest_edge"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 1, ["max_gram"] = 20 },
                    },
                    ["analyzer"] = new JsonObject
                    {
                        // asciifolding turns ế into e and đ into d: "miến dong", "MIẾN DONG" and "mien dong" index alike.
                        ["vi_folding"] = Analyzer("lowercase", "asciifolding"),
                        ["vi_exact"] = Analyzer("lowercase"),
                        ["vi_suggest"] = Analyzer("lowercase", "asciifolding", "suggest_edge"),
                    },
                    ["normalizer"] = new JsonObject
                    {
                        ["vi_sort"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase", "asciifolding") },
                    },
                },
            },
            ["mappings"] = new JsonObject
            {
                ["dynamic"] = "strict",
                ["properties"] = new JsonObject
                {
                    ["product_id"] = Keyword(),
                    ["slug"] = Keyword(),
                    ["name"] = new JsonObject
                    {
                        ["type"] = "text",
                        ["analyzer"] = "vi_folding",
                        ["fields"] = new JsonObject
                        {
                            ["exact"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_exact" },
                            ["suggest"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_suggest", ["search_analyzer"] = "vi_folding" },
                            ["sort"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "vi_sort" },
                        },
                    },
                    ["body"] = new JsonObject
                    {
                        ["type"] = "text",
                        ["analyzer"] = "vi_folding",
                        ["fields"] = new JsonObject { ["exact"] = new JsonObject { ["type"] = "text", ["analyzer"] = "vi_exact" } },
                    },
                    ["category"] = Keyword(),
                    ["unit"] = Keyword(),
                    ["net_weight_grams"] = new JsonObject { ["type"] = "integer" },
                    ["price"] = new JsonObject { ["type"] = "long" },
                    ["in_stock"] = new JsonObject { ["type"] = "boolean" },
                    ["ocop_stars"] = new JsonObject { ["type"] = "integer" },
                    ["ocop_expires_on"] = new JsonObject { ["type"] = "date", ["format"] = "yyyy-MM-dd" },
                    ["published_at"] = new JsonObject { ["type"] = "date" },
                    ["cooperative_slug"] = Keyword(),
                    ["cooperative_name"] = Keyword(),
                    ["province_code"] = Keyword(),
                    ["province_name"] = Keyword(),
                    ["cover_photo"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
                },
            },
        },
    };

    /// <summary>One NDJSON bulk body: an index action per document, a delete action per removed id.</summary>
    public static string Bulk(string index, IReadOnlyList<SearchDocument> upserts, IReadOnlyCollection<Guid> deletes)
    {
        var body = new StringBuilder();
        foreach (var document in upserts)
        {
            body.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = document.ProductId.ToString() } }.ToJsonString()).Append('\n');
            body.Append(Source(document).ToJsonString()).Append('\n');
        }
        foreach (var id in deletes)
        {
            body.Append(new JsonObject { ["delete"] = new JsonObject { ["_index"] = index, ["_id"] = id.ToString() } }.ToJsonString()).Append('\n');
        }
        return body.ToString();
    }

    public static JsonObject Source(SearchDocument d) => new()
    {
        ["product_id"] = d.ProductId.ToString(),
        ["slug"] = d.Slug,
        ["name"] = d.Name,
        ["body"] = d.Body,
        ["category"] = d.Category,
        ["unit"] = d.Unit,
        ["net_weight_grams"] = d.NetWeightGrams,
        ["price"] = d.PriceDong,
        ["in_stock"] = d.InStock,
        ["ocop_stars"] = d.OcopStars,
        ["ocop_expires_on"] = d.OcopExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["published_at"] = d.PublishedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["cooperative_slug"] = d.CooperativeSlug,
        ["cooperative_name"] = d.CooperativeName,
        ["province_code"] = d.ProvinceCode,
        ["province_name"] = d.ProvinceName,
        ["cover_photo"] = d.CoverPhoto,
    };

    /// <summary>
    /// Folded words must all match (fuzziness AUTO: one typo from three letters, two from six); the words as typed
    /// add to the score through the exact sub-fields; products in stock and with a valid OCOP certificate are lifted.
    /// </summary>
    public static JsonObject Search(ProductSearchQuery query, IReadOnlyList<SearchTerm> terms)
    {
        var today = query.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var validCertificate = new JsonObject { ["range"] = new JsonObject { ["ocop_expires_on"] = new JsonObject { ["gte"] = today } } };
        var text = new JsonObject();
        if (terms.Count == 0)
        {
            text["match_all"] = new JsonObject();
        }
        else
        {
            text["bool"] = new JsonObject
            {
                ["must"] = new JsonArray(new JsonObject
                {
                    ["multi_match"] = new JsonObject
                    {
                        ["query"] = string.Join(' ', terms.Select(t => t.Folded)),
                        ["fields"] = new JsonArray("name^4", "body"),
                        ["fuzziness"] = "AUTO",
                        ["operator"] = "and",
                    },
                }),
                ["should"] = new JsonArray(new JsonObject
                {
                    ["multi_match"] = new JsonObject
                    {
                        ["query"] = string.Join(' ', terms.Select(t => t.Exact)),
                        ["fields"] = new JsonArray("name.exact^6", "body.exact"),
                    },
                }),
            };
        }
        return new JsonObject
        {
            ["from"] = (query.Page - 1) * query.PageSize,
            ["size"] = query.PageSize,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject
            {
                ["function_score"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(text), ["filter"] = Filters(query, today) } },
                    ["functions"] = new JsonArray(
                        new JsonObject { ["filter"] = new JsonObject { ["term"] = new JsonObject { ["in_stock"] = true } }, ["weight"] = 1.25 },
                        new JsonObject { ["filter"] = validCertificate.DeepClone(), ["weight"] = 1.25 }),
                    ["score_mode"] = "multiply",
                    ["boost_mode"] = "multiply",
                },
            },
            ["sort"] = Sort(query.Sort, terms.Count > 0),
            ["aggs"] = new JsonObject
            {
                ["provinces"] = new JsonObject
                {
                    ["terms"] = new JsonObject { ["field"] = "province_code", ["size"] = 40 },
                    ["aggs"] = new JsonObject { ["name"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "province_name", ["size"] = 1 } } },
                },
                ["categories"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "category", ["size"] = 10 } },
                ["stars"] = new JsonObject
                {
                    ["filter"] = validCertificate.DeepClone(),
                    ["aggs"] = new JsonObject { ["by_stars"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "ocop_stars", ["size"] = 3 } } },
                },
            },
        };
    }

    public static JsonObject Suggest(IReadOnlyList<string> foldedWords, int limit) => new()
    {
        ["size"] = limit,
        ["_source"] = new JsonArray("name", "slug"),
        ["query"] = new JsonObject
        {
            ["match"] = new JsonObject
            {
                ["name.suggest"] = new JsonObject { ["query"] = string.Join(' ', foldedWords), ["operator"] = "and" },
            },
        },
        ["sort"] = new JsonArray("_score", new JsonObject { ["name.sort"] = "asc" }),
    };

    private static JsonArray Filters(ProductSearchQuery query, string today)
    {
        var filters = new JsonArray();
        if (query.ProvinceCode is not null)
        {
            filters.Add(Term("province_code", query.ProvinceCode));
        }
        if (query.Category is { } category)
        {
            filters.Add(Term("category", category.ToString()));
        }
        if (query.MinStars is { } minStars)
        {
            filters.Add(Range("ocop_stars", new JsonObject { ["gte"] = minStars }));
            filters.Add(Range("ocop_expires_on", new JsonObject { ["gte"] = today }));
        }
        if (query.MinPriceDong is not null || query.MaxPriceDong is not null)
        {
            var price = new JsonObject();
            if (query.MinPriceDong is { } min)
            {
                price["gte"] = min;
            }
            if (query.MaxPriceDong is { } max)
            {
                price["lte"] = max;
            }
            filters.Add(Range("price", price));
        }
        if (query.InStockOnly)
        {
            filters.Add(Term("in_stock", JsonValue.Create(true)));
        }
        return filters;
    }

    private static JsonArray Sort(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.PriceAscending => new JsonArray(new JsonObject { ["price"] = "asc" }, new JsonObject { ["name.sort"] = "asc" }),
        SearchSort.PriceDescending => new JsonArray(new JsonObject { ["price"] = "desc" }, new JsonObject { ["name.sort"] = "asc" }),
        SearchSort.Newest => new JsonArray(new JsonObject { ["published_at"] = "desc" }, new JsonObject { ["name.sort"] = "asc" }),
        _ when hasText => new JsonArray("_score", new JsonObject { ["name.sort"] = "asc" }),
        _ => new JsonArray("_score", new JsonObject { ["ocop_stars"] = new JsonObject { ["order"] = "desc", ["missing"] = "_last" } }, new JsonObject { ["name.sort"] = "asc" }),
    };

    private static JsonObject Analyzer(params string[] filters) =>
        new() { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JsonArray(filters.Select(f => (JsonNode)f).ToArray()) };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Term(string field, JsonNode? value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject Range(string field, JsonObject bounds) => new() { ["range"] = new JsonObject { [field] = bounds } };
}
