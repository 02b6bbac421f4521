namespace RuralMarket.Search;

/// <summary>
/// The search port: the storefront and the API only ever talk to this. Adapters: SQLite FTS5 (embedded default),
/// PostgreSQL full text, and Elasticsearch through its official client. Only published products of verified cooperatives are in it.
/// </summary>
public interface IProductSearch
{
    Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> product names whose words start with what was typed.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken);
}

/// <summary>The write side of the search index, used only by the silo's indexing handler and the reindex command.</summary>
public interface ISearchIndex
{
    Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);

    Task RemoveAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Rebuilds the index from <paramref name="batches"/> while searches keep being answered from the old contents,
    /// then drops whatever was not in the batches. Reports the number of documents written so far.
    /// </summary>
    Task ReindexAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, IProgress<int> progress, CancellationToken cancellationToken);
}
