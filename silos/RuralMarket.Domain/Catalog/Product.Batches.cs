using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Domain.Catalog;

/// <summary>A product's batches and their harvest diaries: what its trace codes show.</summary>
public sealed partial class Product
{
    private readonly List<ProductBatch> _batches = [];

    /// <summary>Every batch, oldest first; like reservations, only the product's writer loads them.</summary>
    public IReadOnlyList<ProductBatch> Batches => _batches;

    /// <summary>A new lot; the units it brings (if harvested already) go into stock at once.</summary>
    public ProductBatch StartBatch(Guid batchId, string code, BatchDetails details, DateOnly today, DateTimeOffset now)
    {
        RequireNotArchived();
        if (_batches.Any(b => b.Id == batchId || b.Code == code))
        {
            throw new DomainException("batch.exists", $"Product {Id} already has batch {batchId} or code {code}.");
        }
        var batch = new ProductBatch(batchId, code, details, today, now);
        if (_batches.Any(b => string.Equals(b.Lot, batch.Lot, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("batch.lot_taken", $"Product {Id} already has a lot named {batch.Lot}.");
        }
        if (details.Quantity > 0)
        {
            AdjustStock(details.Quantity, now);
        }
        _batches.Add(batch);
        return batch;
    }

    /// <summary>More units of a batch come into stock (the rest of a harvest, a second drying).</summary>
    public void ReceiveIntoBatch(Guid batchId, int quantity, DateOnly? harvestedOn, DateOnly? bestBefore, DateOnly today, DateTimeOffset now)
    {
        RequireNotArchived();
        if (quantity < 1)
        {
            throw new DomainException("batch.quantity_out_of_range", $"Receiving takes at least one unit, not {quantity}.");
        }
        var batch = BatchOrThrow(batchId);
        batch.Receive(quantity, harvestedOn, bestBefore, today);
        AdjustStock(quantity, now);
    }

    /// <summary>An entry in a batch's diary; the household named must be one of the product's producers.</summary>
    public DiaryEntry WriteDiary(Guid batchId, DiaryDraft draft, DiaryWriter writer, DateOnly today, DateTimeOffset now)
    {
        if (draft.HouseholdId is { } household && _producers.All(p => p.HouseholdId != household))
        {
            throw new DomainException("diary.household_not_producer", $"Household {household} does not produce {Name}.");
        }
        return BatchOrThrow(batchId).Write(draft, writer, today, now);
    }

    /// <summary>Refuses unless the batch is this product's and still holds <paramref name="quantity"/> units (the packer's choice is checked before packing).</summary>
    public void RequirePackable(Guid batchId, int quantity) => PackableBatch(batchId, quantity);

    /// <summary>The oldest harvest that still holds the whole line, or none (the line then keeps no batch).</summary>
    public ProductBatch? FirstInFirstOut(int quantity) =>
        _batches.Where(b => b.Remaining >= quantity && b.HarvestedOn is not null)
            .OrderBy(b => b.HarvestedOn).ThenBy(b => b.CreatedAt).FirstOrDefault();

    private ProductBatch PackableBatch(Guid batchId, int quantity)
    {
        var batch = BatchOrThrow(batchId);
        return batch.Remaining >= quantity
            ? batch
            : throw new DomainException("batch.not_enough", $"Batch {batch.Code} has {batch.Remaining} units left, not {quantity}.");
    }

    private ProductBatch BatchOrThrow(Guid batchId) =>
        _batches.Find(b => b.Id == batchId) ?? throw new DomainException("batch.not_found", $"Product {Id} has no batch {batchId}.");
}
