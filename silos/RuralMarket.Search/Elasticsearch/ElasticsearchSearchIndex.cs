using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// Writes to Elasticsearch through the alias. A rebuild fills a new index and then swaps the alias in one atomic
/// <c>_aliases</c> call, so searches never see a half-built index; the old index is deleted afterwards.
/// </summary>
internal sealed class ElasticsearchSearchIndex(ElasticsearchClient client, ProductBulkWriter bulk, IOptions<SearchOptions> options, TimeProvider clock) : ISearchIndex
{
    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _ready;

    private string Alias => options.Value.Elasticsearch.Alias;

    public async Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count > 0)
        {
            await EnsureIndexAsync(cancellationToken);
            await bulk.WriteAsync(Alias, documents, [], refresh: true, cancellationToken);
        }
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count > 0)
        {
            await EnsureIndexAsync(cancellationToken);
            await bulk.WriteAsync(Alias, [], productIds, refresh: true, cancellationToken);
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var response = await client.CountAsync(new CountRequest(Alias), cancellationToken);
        return response.IsNotFound() ? 0 : (int)response.Checked("count").Count;
    }

    public async Task ReindexAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var fresh = await CreateIndexAsync(cancellationToken);
        var written = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await bulk.WriteAsync(fresh, batch, [], refresh: false, cancellationToken);
            written += batch.Count;
            progress.Report(written);
        }
        (await client.Indices.RefreshAsync(new RefreshRequest(fresh), cancellationToken)).Checked("refresh");
        var old = await IndicesOfAliasAsync(cancellationToken);
        (await client.Indices.UpdateAliasesAsync(AliasSwap(Alias, old, fresh), cancellationToken)).Checked("alias swap");
        foreach (var index in old)
        {
            (await client.Indices.DeleteAsync(new DeleteIndexRequest(index), cancellationToken)).Checked("delete index");
        }
        _ready = true;
    }

    internal static UpdateAliasesRequest AliasSwap(string alias, IReadOnlyList<string> oldIndices, string newIndex) => new()
    {
        Actions = oldIndices
            .Select(index => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = index, Alias = alias } })
            .Append(new IndexUpdateAliasesAction { Add = new AddAction { Index = newIndex, Alias = alias, IsWriteIndex = true } })
            .ToList(),
    };

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }
        await _setup.WaitAsync(cancellationToken);
        try
        {
            if (!_ready && (await IndicesOfAliasAsync(cancellationToken)).Count == 0)
            {
                var first = await CreateIndexAsync(cancellationToken);
                (await client.Indices.UpdateAliasesAsync(AliasSwap(Alias, [], first), cancellationToken)).Checked("alias swap");
            }
            _ready = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>Puts the template (it may have changed since the last deploy) and creates an empty index from it.</summary>
    private async Task<string> CreateIndexAsync(CancellationToken cancellationToken)
    {
        (await client.Indices.PutIndexTemplateAsync(ProductIndexTemplate.For(Alias), cancellationToken)).Checked("index template");
        var name = $"{Alias}-{clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        (await client.Indices.CreateAsync(new CreateIndexRequest(name), cancellationToken)).Checked("create index");
        return name;
    }

    /// <summary>The indices the alias points to; empty when the alias does not exist yet.</summary>
    private async Task<IReadOnlyList<string>> IndicesOfAliasAsync(CancellationToken cancellationToken)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest(name: Alias), cancellationToken);
        return response.IsNotFound() ? [] : response.Checked("alias lookup").Aliases!.Keys.ToList();
    }
}

internal static class ElasticsearchRegistration
{
    public static IServiceCollection AddElasticsearchAdapter(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ElasticsearchClient(
            ElasticsearchConnection.Settings(sp.GetRequiredService<IOptions<SearchOptions>>().Value.Elasticsearch)));
        services.AddSingleton<ProductBulkWriter>();
        services.AddSingleton<ElasticsearchProductSearch>();
        services.AddSingleton<ElasticsearchSearchIndex>();
        return services;
    }
}
