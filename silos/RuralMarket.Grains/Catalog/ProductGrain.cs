using RuralMarket.Data.Catalog;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Catalog;

public sealed class ProductGrain(
    [PersistentState("product", TableGrainStorage.Name)] IPersistentState<AggregateState<Product>> state,
    IGrainFactory grains,
    TimeProvider clock) : AggregateGrain<Product>(state, clock), IProductGrain
{
    /// <summary>What a stock change from an import says in the log.</summary>
    public const string ImportNote = "Nhập từ tệp CSV";

    protected override string NotFoundCode => "product.not_found";

    public async Task CreateAsync(Guid cooperativeId, string slug, ProductDetails details, Actor actor)
    {
        await RequireMembersAsync(cooperativeId, details);
        await ChangeAsync(now =>
        {
            Start(Product.Create(this.GetPrimaryKey(), cooperativeId, slug, details, now));
            Activity(actor, "product.created", now);
        });
    }

    public async Task ImportAsync(Guid cooperativeId, string slug, ProductDetails details, int? stock, Actor actor)
    {
        await RequireMembersAsync(cooperativeId, details);
        await ChangeAsync(now =>
        {
            var created = !Exists;
            if (created)
            {
                Start(Product.Create(this.GetPrimaryKey(), cooperativeId, slug, details, now));
            }
            else
            {
                Aggregate.Describe(details, now);
            }
            // The import's summary goes into the activity log once for the whole file, not once per row.
            if (stock is { } count)
            {
                var reason = created ? StockAdjustmentReason.Restock : StockAdjustmentReason.Count;
                ChangeStock(Aggregate, count - Aggregate.Stock, reason, ImportNote, actor, countOnly: true, now);
            }
        });
        // A file touches thousands of products once each: none of them needs to stay in memory for it.
        DeactivateOnIdle();
    }

    public async Task DescribeAsync(ProductDetails details, Actor actor)
    {
        await RequireMembersAsync(Aggregate.CooperativeId, details);
        await ChangeAsync(now =>
        {
            Aggregate.Describe(details, now);
            Activity(actor, "product.revised", now);
        });
    }

    public Task<int> AdjustStockAsync(int delta, StockAdjustmentReason reason, string? note, Actor actor) =>
        reason == StockAdjustmentReason.Returned
            ? Task.FromException<int>(new DomainException("stock.reason_returned", "Returned goods come back through their order."))
            : ChangeAsync(now =>
            {
                var product = Aggregate;
                ChangeStock(product, delta, reason, note, actor, countOnly: false, now);
                RecordActivity(product.CooperativeId, actor, "stock.adjusted", $"{product.Name} ({delta:+#;-#;0})", now);
                return product.Stock;
            });

    public Task TakeBackAsync(string orderCode, int quantity, Actor actor) =>
        ChangeAsync(now => ChangeStock(Aggregate, quantity, StockAdjustmentReason.Returned, orderCode, actor, countOnly: false, now));

    public Task AddPhotoAsync(PhotoVariants photo, Actor actor) => Change(actor, "photo.added", (p, now) => p.AddPhoto(photo, now));

    public Task MovePhotoAsync(Guid photoId, int position, Actor actor) => Change(actor, "photo.moved", (p, now) => p.MovePhoto(photoId, position, now));

    public Task<PhotoVariants> RemovePhotoAsync(Guid photoId, Actor actor) =>
        ChangeAsync(now =>
        {
            var removed = Aggregate.RemovePhoto(photoId, now);
            Activity(actor, "photo.removed", now);
            return removed;
        });

    public Task PublishAsync(Actor actor) => Change(actor, "product.published", (p, now) => p.Publish(now));

    public Task ArchiveAsync(Actor actor) => Change(actor, "product.archived", (p, now) => p.Archive(now));

    public Task ConfirmCertificateAsync(Actor actor) => Change(actor, "certificate.confirmed", (p, now) => p.ConfirmCertificate(now));

    public Task WithdrawCertificateAsync(Actor actor) => Change(actor, "certificate.withdrawn", (p, now) => p.WithdrawCertificate(now));

    public async Task<ReservedLine> ReserveAsync(Guid orderId, int quantity)
    {
        if (!Exists)
        {
            throw new DomainException("checkout.product_unavailable", $"Product {this.GetPrimaryKey()} is not for sale.");
        }
        var sellerVerified = await Cooperative.IsVerifiedAsync();
        return await ChangeAsync(now =>
        {
            var product = Aggregate;
            var held = product.Reserve(orderId, quantity, sellerVerified, now);
            return new ReservedLine(product.Id, product.CooperativeId, product.Name, product.Price, held.Quantity, product.NetWeightGrams, [.. product.Producers]);
        }, validatesFirst: true);
    }

    public Task<int> ReleaseAsync(Guid orderId) =>
        Exists ? ChangeAsync(now => Aggregate.Release(orderId, now), validatesFirst: true) : Task.FromResult(0);

    public Task<TracedBatch?> FulfilAsync(Guid orderId, Guid? chosenBatchId = null) =>
        Exists
            ? ChangeAsync(_ => Aggregate.Fulfil(orderId, chosenBatchId) is { } batch ? new TracedBatch(batch.Id, batch.Code) : null, validatesFirst: true)
            : Task.FromResult<TracedBatch?>(null);

    public Task RequirePackableAsync(Guid batchId, int quantity)
    {
        Aggregate.RequirePackable(batchId, quantity);
        return Task.CompletedTask;
    }

    public Task<TracedBatch> StartBatchAsync(BatchDetails details, Actor actor) =>
        ChangeAsync(now =>
        {
            var batch = Aggregate.StartBatch(Guid.NewGuid(), TraceCode.New(), details, VietnamCalendar.DayOf(now), now);
            RecordActivity(Aggregate.CooperativeId, actor, "batch.started", $"{Aggregate.Name} · {batch.Lot}", now);
            return new TracedBatch(batch.Id, batch.Code);
        });

    public Task ReceiveIntoBatchAsync(Guid batchId, int quantity, DateOnly? harvestedOn, DateOnly? bestBefore, Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.ReceiveIntoBatch(batchId, quantity, harvestedOn, bestBefore, VietnamCalendar.DayOf(now), now);
            RecordActivity(Aggregate.CooperativeId, actor, "batch.received", $"{Aggregate.Name} · {LotOf(batchId)} (+{quantity})", now);
        });

    public Task<int> WriteDiaryAsync(Guid batchId, DiaryDraft draft, Actor actor) =>
        ChangeAsync(now =>
        {
            var entry = Aggregate.WriteDiary(batchId, draft, new DiaryWriter(actor.AccountId, actor.Name, actor.ActingAs), VietnamCalendar.DayOf(now), now);
            RecordActivity(Aggregate.CooperativeId, actor, "diary.written", $"{Aggregate.Name} · {LotOf(batchId)} #{entry.Number}", now);
            return entry.Number;
        });

    private string LotOf(Guid batchId) => Aggregate.Batches.First(b => b.Id == batchId).Lot;

    /// <summary>
    /// A count that finds the stock as it is changes nothing; a change by hand of zero is refused (by the log entry).
    /// The log keeps what people change in the portal, not the platform's own loading of the seed.
    /// </summary>
    private void ChangeStock(Product product, int delta, StockAdjustmentReason reason, string? note, Actor actor, bool countOnly, DateTimeOffset now)
    {
        if (delta == 0 && countOnly)
        {
            return;
        }
        // The log entry checks reason and note before the stock moves.
        var entry = new StockAdjustment(product.Id, delta, Math.Max(0, product.Stock + delta), reason, note, actor.AccountId, actor.Name, actor.ActingAs, now);
        product.AdjustStock(delta, now);
        if (actor.IsStaff)
        {
            Record(entry);
        }
    }

    /// <summary>Producers must be the cooperative's active members: the cooperative's grain holds that rule.</summary>
    private Task RequireMembersAsync(Guid cooperativeId, ProductDetails details) =>
        grains.GetGrain<ICooperativeGrain>(cooperativeId).RequireActiveMembersAsync([.. details.Producers.Select(p => p.HouseholdId)]);

    private ICooperativeGrain Cooperative => grains.GetGrain<ICooperativeGrain>(Aggregate.CooperativeId);

    private Task Change(Actor actor, string action, Action<Product, DateTimeOffset> change) =>
        ChangeAsync(now =>
        {
            change(Aggregate, now);
            Activity(actor, action, now);
        });

    private void Activity(Actor actor, string action, DateTimeOffset now) => RecordActivity(Aggregate.CooperativeId, actor, action, Aggregate.Name, now);
}
