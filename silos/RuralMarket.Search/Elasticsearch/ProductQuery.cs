using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>The searches the storefront sends: the faceted fuzzy product search and the name suggestions.</summary>
internal static class ProductQuery
{
    /// <summary>
    /// Folded words must all match (fuzziness AUTO: one typo from three letters, two from six); the words as typed
    /// add to the score through the exact sub-fields; products in stock and with a valid OCOP certificate are lifted.
    /// </summary>
    public static SearchRequest Search(string alias, ProductSearchQuery query, IReadOnlyList<SearchTerm> terms)
    {
        var today = query.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new SearchRequest(alias)
        {
            From = (query.Page - 1) * query.PageSize,
            Size = query.PageSize,
            TrackTotalHits = new TrackHits(true),
            Query = new FunctionScoreQuery
            {
                Query = new BoolQuery { Must = [Text(terms)], Filter = Filters(query, today) },
                Functions =
                [
                    new FunctionScore { Filter = new TermQuery("in_stock", true), Weight = 1.25 },
                    new FunctionScore { Filter = ValidCertificate(today), Weight = 1.25 },
                ],
                ScoreMode = FunctionScoreMode.Multiply,
                BoostMode = FunctionBoostMode.Multiply,
            },
            Sort = Sort(query.Sort, terms.Count > 0),
            Aggregations = new Dictionary<string, Aggregation>
            {
                ["provinces"] = new()
                {
                    Terms = new TermsAggregation { Field = "province_code", Size = 40 },
                    Aggregations = new Dictionary<string, Aggregation> { ["name"] = new() { Terms = new TermsAggregation { Field = "province_name", Size = 1 } } },
                },
                ["categories"] = new() { Terms = new TermsAggregation { Field = "category", Size = 10 } },
                ["stars"] = new()
                {
                    Filter = ValidCertificate(today),
                    Aggregations = new Dictionary<string, Aggregation> { ["by_stars"] = new() { Terms = new TermsAggregation { Field = "ocop_stars", Size = 3 } } },
                },
            },
        };
    }

    public static SearchRequest Suggest(string alias, IReadOnlyList<string> foldedWords, int limit) => new(alias)
    {
        Size = limit,
        Query = new MatchQuery("name.suggest", string.Join(' ', foldedWords)) { Operator = Operator.And },
        Sort = [new SortOptions { Score = new ScoreSort() }, ByName()],
    };

    private static Query Text(IReadOnlyList<SearchTerm> terms) => terms.Count == 0
        ? new MatchAllQuery()
        : new BoolQuery
        {
            Must =
            [
                new MultiMatchQuery
                {
                    Query = string.Join(' ', terms.Select(t => t.Folded)),
                    Fields = new[] { "name^4", "name_en^4", "body" },
                    Fuzziness = new Fuzziness("AUTO"),
                    Operator = Operator.And,
                },
            ],
            Should = [new MultiMatchQuery { Query = string.Join(' ', terms.Select(t => t.Exact)), Fields = new[] { "name.exact^6", "name_en.exact^6", "body.exact" } }],
        };

    private static List<Query> Filters(ProductSearchQuery query, string today)
    {
        var filters = new List<Query>();
        if (query.ProvinceCode is not null)
        {
            filters.Add(new TermQuery("province_code", query.ProvinceCode));
        }
        if (query.Category is { } category)
        {
            filters.Add(new TermQuery("category", category.ToString()));
        }
        if (query.MinStars is { } minStars)
        {
            filters.Add(new NumberRangeQuery("ocop_stars") { Gte = minStars });
            filters.Add(new DateRangeQuery("ocop_expires_on") { Gte = today });
        }
        if (query.MinPriceDong is not null || query.MaxPriceDong is not null)
        {
            filters.Add(new NumberRangeQuery("price") { Gte = query.MinPriceDong, Lte = query.MaxPriceDong });
        }
        if (query.InStockOnly)
        {
            filters.Add(new TermQuery("in_stock", true));
        }
        return filters;
    }

    private static Query ValidCertificate(string today) => new DateRangeQuery("ocop_expires_on") { Gte = today };

    private static List<SortOptions> Sort(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.PriceAscending => [By("price", SortOrder.Asc), ByName()],
        SearchSort.PriceDescending => [By("price", SortOrder.Desc), ByName()],
        SearchSort.Newest => [By("published_at", SortOrder.Desc), ByName()],
        _ when hasText => [new SortOptions { Score = new ScoreSort() }, ByName()],
        _ => [new SortOptions { Score = new ScoreSort() }, new SortOptions { Field = new FieldSort("ocop_stars") { Order = SortOrder.Desc, Missing = "_last" } }, ByName()],
    };

    private static SortOptions By(string field, SortOrder order) => new() { Field = new FieldSort(field) { Order = order } };

    private static SortOptions ByName() => By("name.sort", SortOrder.Asc);
}
