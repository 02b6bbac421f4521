using System.Text.Json;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Search.Indexing;

/// <summary>
/// Keeps the index in step with the catalogue: a changed product, or any product of a changed cooperative, is read
/// again from the database and written to the index, or removed from it when it is no longer for sale. Reading the
/// current state (not the event's) makes it idempotent and order-independent.
/// </summary>
internal sealed class SearchIndexingHandler(SearchDocumentSource source, ISearchIndex index) : IOutboxHandler
{
    public bool Handles(string messageType) =>
        messageType is DomainEventNames.ProductChanged or DomainEventNames.CooperativeVerified or DomainEventNames.CooperativeChanged;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        IReadOnlyCollection<Guid> productIds = message.Type == DomainEventNames.ProductChanged
            ? [payload.RootElement.GetProperty("productId").GetGuid()]
            : await source.ProductsOfCooperativeAsync(payload.RootElement.GetProperty("cooperativeId").GetGuid(), cancellationToken);
        await RefreshAsync(productIds, cancellationToken);
    }

    public async Task RefreshAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
        {
            return;
        }
        var documents = await source.LoadAsync(productIds, cancellationToken);
        await index.UpsertAsync(documents, cancellationToken);
        var gone = productIds.Except(documents.Select(d => d.ProductId)).ToList();
        await index.RemoveAsync(gone, cancellationToken);
    }
}
