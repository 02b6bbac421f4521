using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Microsoft.Extensions.Logging;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>
/// Writes products through the bulk API. A bulk answered 200 can still hold failed items: those the cluster refused
/// for load (429, 5xx) are sent again with a growing pause; any item still failing is logged with its id and
/// reason, and the write fails, so the outbox message that asked for it is retried and parked if it never succeeds.
/// </summary>
internal sealed partial class ProductBulkWriter(ElasticsearchClient client, TimeProvider clock, ILogger<ProductBulkWriter> logger)
{
    /// <summary>The pauses before each resend of failed items.</summary>
    public IReadOnlyList<TimeSpan> Backoff { get; init; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public async Task WriteAsync(string index, IReadOnlyList<SearchDocument> upserts, IReadOnlyCollection<Guid> deletes, bool refresh, CancellationToken cancellationToken)
    {
        List<IBulkOperation> pending =
        [
            .. upserts.Select(d => new BulkIndexOperation<IndexedProduct>(IndexedProduct.From(d)) { Id = d.ProductId.ToString() }),
            .. deletes.Select(id => new BulkDeleteOperation(id.ToString())),
        ];
        for (var attempt = 0; ; attempt++)
        {
            var request = new BulkRequest(index) { Operations = new BulkOperationsCollection(pending), Refresh = refresh ? Refresh.WaitFor : null };
            var response = await client.BulkAsync(request, cancellationToken);
            if (!response.Errors || response.ApiCallDetails.HttpStatusCode != 200 || response.Items.Count != pending.Count)
            {
                response.Checked("bulk"); // the client counts a 200 with failed items as invalid; those are read below
                return;
            }
            var failed = response.Items.Select((item, i) => (Item: item, Operation: pending[i])).Where(x => x.Item.Error is not null).ToList();
            if (failed.Count == 0)
            {
                return;
            }
            if (attempt == Backoff.Count || failed.Any(f => !Retriable(f.Item.Status)))
            {
                foreach (var (item, _) in failed)
                {
                    LogItemFailed(item.Id, item.Status, item.Error!.Type, item.Error.Reason);
                }
                throw new ElasticsearchException($"Elasticsearch refused {failed.Count} of {response.Items.Count} bulk items (first: {failed[0].Item.Error!.Type}).");
            }
            pending = failed.Select(f => f.Operation).ToList();
            await Task.Delay(Backoff[attempt], clock, cancellationToken);
        }
    }

    private static bool Retriable(int status) => status is 429 or 502 or 503 or 504;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch refused product {ProductId}: {Status} {ErrorType}: {Reason}")]
    private partial void LogItemFailed(string? productId, int status, string? errorType, string? reason);
}
