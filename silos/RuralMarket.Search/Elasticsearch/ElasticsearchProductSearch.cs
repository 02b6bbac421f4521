using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Transport;
using Microsoft.Extensions.Options;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>Search on Elasticsearch, through the alias. Typo tolerance is the engine's own (fuzziness AUTO).</summary>
internal sealed class ElasticsearchProductSearch(ElasticsearchClient client, IOptions<SearchOptions> options) : IProductSearch
{
    private string Alias => options.Value.Elasticsearch.Alias;

    public async Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken)
    {
        var request = ProductQuery.Search(Alias, query, SearchTerm.Parse(query.Text));
        var response = await AskAsync(() => client.SearchAsync<IndexedProduct>(request, cancellationToken), cancellationToken);
        var aggregations = response.Aggregations!;
        var facets = new SearchFacets(
            aggregations.GetStringTerms("provinces")!.Buckets
                .Select(b => new FacetCount(Key(b.Key), b.Aggregations!.GetStringTerms("name")!.Buckets.Select(n => Key(n.Key)).First(), (int)b.DocCount))
                .ToList(),
            aggregations.GetStringTerms("categories")!.Buckets.Select(b => new FacetCount(Key(b.Key), Key(b.Key), (int)b.DocCount)).ToList(),
            aggregations.GetFilter("stars")!.Aggregations!.GetLongTerms("by_stars")!.Buckets
                .Select(b => new FacetCount(b.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (int)b.DocCount))
                .OrderByDescending(f => f.Value, StringComparer.Ordinal)
                .ToList());
        return new ProductSearchResult(response.Hits.Select(hit => hit.Source!.ToHit(query.Today)).ToList(), (int)response.Total, facets);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var words = SearchTerm.Parse(prefix).Select(t => t.Folded).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var request = ProductQuery.Suggest(Alias, words, limit);
        var response = await AskAsync(() => client.SearchAsync<IndexedProduct>(request, cancellationToken), cancellationToken);
        return response.Hits.Select(hit => new Suggestion(hit.Source!.Name, hit.Source.Slug)).ToList();
    }

    private static async Task<SearchResponse<IndexedProduct>> AskAsync(Func<Task<SearchResponse<IndexedProduct>>> request, CancellationToken cancellationToken)
    {
        try
        {
            return (await request()).Checked("search");
        }
        catch (Exception error) when (error is ElasticsearchException or TransportException
            || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SearchUnavailableException(error);
        }
    }

    private static string Key(FieldValue key) => key.ToString();
}
