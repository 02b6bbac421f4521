using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>Search on Elasticsearch, through the alias. Typo tolerance is the engine's own (fuzziness AUTO).</summary>
internal sealed class ElasticsearchProductSearch(ElasticsearchClient client, IOptions<SearchOptions> options) : IProductSearch
{
    private string Alias => options.Value.Elasticsearch.Alias;

    public async Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken)
    {
        var response = await AskAsync(() => client.SearchAsync(Alias, ElasticsearchRequests.Search(query, SearchTerm.Parse(query.Text)), cancellationToken), cancellationToken);
        var hits = response["hits"]!;
        var items = hits["hits"]!.AsArray().Select(hit => ToHit(hit!["_source"]!, query.Today)).ToList();
        var aggregations = response["aggregations"]!;
        var facets = new SearchFacets(
            Buckets(aggregations["provinces"]!).Select(b => new FacetCount(Key(b), Key(b["name"]!["buckets"]![0]!), Count(b))).ToList(),
            Buckets(aggregations["categories"]!).Select(b => new FacetCount(Key(b), Key(b), Count(b))).ToList(),
            Buckets(aggregations["stars"]!["by_stars"]!).Select(b => new FacetCount(Key(b), Key(b), Count(b))).OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList());
        return new ProductSearchResult(items, hits["total"]!["value"]!.GetValue<int>(), facets);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var words = SearchTerm.Parse(prefix).Select(t => t.Folded).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var response = await AskAsync(() => client.SearchAsync(Alias, ElasticsearchRequests.Suggest(words, limit), cancellationToken), cancellationToken);
        return response["hits"]!["hits"]!.AsArray()
            .Select(hit => new Suggestion(hit!["_source"]!["name"]!.GetValue<string>(), hit["_source"]!["slug"]!.GetValue<string>()))
            .ToList();
    }

    private static async Task<JsonNode> AskAsync(Func<Task<JsonNode>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request();
        }
        catch (Exception error) when (error is HttpRequestException or ElasticsearchException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SearchUnavailableException(error);
        }
    }

    private static SearchHit ToHit(JsonNode source, DateOnly today)
    {
        var expires = source["ocop_expires_on"]?.GetValue<string>() is { } text ? DateOnly.Parse(text, CultureInfo.InvariantCulture) : (DateOnly?)null;
        var stars = source["ocop_stars"]?.GetValue<int>();
        return new SearchHit(
            Guid.Parse(source["product_id"]!.GetValue<string>()), source["slug"]!.GetValue<string>(), source["name"]!.GetValue<string>(),
            source["price"]!.GetValue<long>(), source["unit"]!.GetValue<string>(), source["net_weight_grams"]!.GetValue<int>(),
            source["in_stock"]!.GetValue<bool>(), expires >= today ? stars : null,
            source["cooperative_slug"]!.GetValue<string>(), source["cooperative_name"]!.GetValue<string>(),
            source["province_code"]!.GetValue<string>(), source["province_name"]!.GetValue<string>(), source["category"]!.GetValue<string>(),
            source["cover_photo"]?.GetValue<string>());
    }

    private static IEnumerable<JsonNode> Buckets(JsonNode aggregation) => aggregation["buckets"]!.AsArray().Select(b => b!);

    private static string Key(JsonNode bucket) => bucket["key"]!.ToString();

    private static int Count(JsonNode bucket) => bucket["doc_count"]!.GetValue<int>();
}
