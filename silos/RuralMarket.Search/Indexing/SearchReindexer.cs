using Microsoft.Extensions.Logging;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Search.Indexing;

/// <summary>Rebuilds the whole index from the database while search stays online.</summary>
public sealed partial class SearchReindexer(SearchDocumentSource source, ISearchIndex index, ILogger<SearchReindexer> logger)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        var done = 0;
        await index.ReindexAsync(source.AllAsync(BatchSize, cancellationToken), new SyncProgress<int>(n => progress.Report((done = n, total))), cancellationToken);
        LogReindexed(done);
        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt with {Count} products")]
    private partial void LogReindexed(int count);
}

/// <summary>At start-up, fills an empty database-hosted index (a new database, or one that predates search) before the app reports ready.</summary>
/// <remarks>An Elasticsearch index is left to the outbox and the reindex command, so a cluster outage never holds readiness back.</remarks>
internal sealed class SearchIndexBootstrap(SearchSelection selection, SearchReindexer reindexer, ISearchIndex index, SearchDocumentSource source) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (selection.IndexLivesInDatabase && await index.CountAsync(cancellationToken) == 0 && await source.CountAsync(cancellationToken) > 0)
        {
            await reindexer.RunAsync(new SyncProgress<(int, int)>(_ => { }), cancellationToken);
        }
    }
}
