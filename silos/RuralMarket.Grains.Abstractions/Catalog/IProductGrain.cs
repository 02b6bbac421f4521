using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Grains.Catalog;

/// <summary>The single writer of one product (keyed by its id): its listing, price, photos, status, stock and reservations.</summary>
public interface IProductGrain : IGrainWithGuidKey
{
    Task CreateAsync(Guid cooperativeId, string slug, ProductDetails details, Actor actor);

    Task DescribeAsync(ProductDetails details, Actor actor);

    /// <summary>
    /// One row of a product file, in one write: creates the product (as a draft) or describes it again, and sets its
    /// stock to the file's figure when it has one (the difference logged as a count; new goods for a new product).
    /// </summary>
    Task ImportAsync(Guid cooperativeId, string slug, ProductDetails details, int? stock, Actor actor);

    /// <summary>Changes stock by hand; the change and its log entry are stored together. Answers the stock after it.</summary>
    Task<int> AdjustStockAsync(int delta, StockAdjustmentReason reason, string? note, Actor actor);

    Task AddPhotoAsync(PhotoVariants photo, Actor actor);

    Task MovePhotoAsync(Guid photoId, int position, Actor actor);

    Task<PhotoVariants> RemovePhotoAsync(Guid photoId, Actor actor);

    Task PublishAsync(Actor actor);

    Task ArchiveAsync(Actor actor);

    Task ConfirmCertificateAsync(Actor actor);

    Task WithdrawCertificateAsync(Actor actor);

    /// <summary>
    /// Holds units for an order and answers what the order line needs (price, name, weight, cooperative), or refuses
    /// with the domain's error. Asking again for the same order answers the same reservation.
    /// </summary>
    Task<ReservedLine> ReserveAsync(Guid orderId, int quantity);

    /// <summary>Gives an order's units back; harmless when repeated. Answers how many came back.</summary>
    Task<int> ReleaseAsync(Guid orderId);

    /// <summary>
    /// The order was packed: its units are sold for good, out of the chosen batch (else first in, first out), which is
    /// answered; null when none held them, or when the order was packed before.
    /// </summary>
    Task<TracedBatch?> FulfilAsync(Guid orderId, Guid? chosenBatchId = null);

    /// <summary>Refuses unless the batch is this product's and still holds the units (checked before an order is packed from it).</summary>
    Task RequirePackableAsync(Guid batchId, int quantity);

    /// <summary>Starts a batch with a fresh trace code; the units it brings go into stock. Answers its id and code.</summary>
    Task<TracedBatch> StartBatchAsync(BatchDetails details, Actor actor);

    Task ReceiveIntoBatchAsync(Guid batchId, int quantity, DateOnly? harvestedOn, DateOnly? bestBefore, Actor actor);

    /// <summary>Appends an entry to a batch's harvest diary, written as the actor (a helper writes for the cooperative). Answers its number.</summary>
    Task<int> WriteDiaryAsync(Guid batchId, DiaryDraft draft, Actor actor);

    /// <summary>A returned order's units are back with the cooperative (logged against the order's code).</summary>
    Task TakeBackAsync(string orderCode, int quantity, Actor actor);
}

/// <summary>A reservation as the order line needs it: prices and names always come from the product, never from the buyer.</summary>
[GenerateSerializer, Immutable]
public sealed record ReservedLine(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] Guid CooperativeId,
    [property: Id(2)] string Name,
    [property: Id(3)] Money UnitPrice,
    [property: Id(4)] int Quantity,
    [property: Id(5)] int UnitWeightGrams,
    [property: Id(6)] IReadOnlyList<ProducerShare> Producers);

/// <summary>A batch as others point at it: its id and its public trace code.</summary>
[GenerateSerializer, Immutable]
public sealed record TracedBatch([property: Id(0)] Guid BatchId, [property: Id(1)] string Code);
