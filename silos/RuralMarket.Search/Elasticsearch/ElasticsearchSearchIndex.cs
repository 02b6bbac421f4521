using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// Writes to Elasticsearch through the alias. A rebuild fills a new index and then swaps the alias in one atomic
/// <c>_aliases</c> call, so searches never see a half-built index; the old index is deleted afterwards.
/// </summary>
internal sealed class ElasticsearchSearchIndex(ElasticsearchClient client, IOptions<SearchOptions> options, TimeProvider clock) : ISearchIndex
{
    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _ready;

    private string Alias => options.Value.Elasticsearch.Alias;

    public async Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count > 0)
        {
            await EnsureIndexAsync(cancellationToken);
            await client.BulkAsync(ElasticsearchRequests.Bulk(Alias, documents, []), refresh: true, cancellationToken);
        }
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count > 0)
        {
            await EnsureIndexAsync(cancellationToken);
            await client.BulkAsync(ElasticsearchRequests.Bulk(Alias, [], productIds), refresh: true, cancellationToken);
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken) => (int)await client.CountAsync(Alias, cancellationToken);

    public async Task ReindexAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, IProgress<int> progress, CancellationToken cancellationToken)
    {
        await client.PutIndexTemplateAsync($"{Alias}-template", ElasticsearchRequests.IndexTemplate(Alias), cancellationToken);
        var fresh = NewIndexName();
        await client.CreateIndexAsync(fresh, new JsonObject(), cancellationToken);
        var written = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await client.BulkAsync(ElasticsearchRequests.Bulk(fresh, batch, []), refresh: false, cancellationToken);
            written += batch.Count;
            progress.Report(written);
        }
        await client.RefreshAsync(fresh, cancellationToken);
        var old = await client.IndicesOfAliasAsync(Alias, cancellationToken);
        await client.UpdateAliasesAsync(AliasSwap(Alias, old, fresh), cancellationToken);
        foreach (var index in old)
        {
            await client.DeleteIndexAsync(index, cancellationToken);
        }
        _ready = true;
    }

    internal static JsonObject AliasSwap(string alias, IReadOnlyList<string> oldIndices, string newIndex)
    {
        var actions = new JsonArray();
        foreach (var index in oldIndices)
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = index, ["alias"] = alias } });
        }
        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = newIndex, ["alias"] = alias, ["is_write_index"] = true } });
        return new JsonObject { ["actions"] = actions };
    }

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }
        await _setup.WaitAsync(cancellationToken);
        try
        {
            if (!_ready && (await client.IndicesOfAliasAsync(Alias, cancellationToken)).Count == 0)
            {
                await client.PutIndexTemplateAsync($"{Alias}-template", ElasticsearchRequests.IndexTemplate(Alias), cancellationToken);
                var first = NewIndexName();
                await client.CreateIndexAsync(first, new JsonObject(), cancellationToken);
                await client.UpdateAliasesAsync(AliasSwap(Alias, [], first), cancellationToken);
            }
            _ready = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    private string NewIndexName() =>
        $"{Alias}-{clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
}

internal static class ElasticsearchRegistration
{
    public static IServiceCollection AddElasticsearchAdapter(this IServiceCollection services)
    {
        services.AddHttpClient(ElasticsearchClient.HttpClientName, (sp, http) =>
            ElasticsearchClient.Configure(http, sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch));
        services.AddSingleton<ElasticsearchClient>();
        services.AddSingleton<ElasticsearchProductSearch>();
        services.AddSingleton<ElasticsearchSearchIndex>();
        return services;
    }
}
