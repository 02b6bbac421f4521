using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Orders;

namespace RuralMarket.Grains.Tests.Traceability;

/// <summary>Batches and their diaries through the real grains and storage: what packing takes from which lot, and what a refusal leaves.</summary>
public abstract class BatchPackingTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly Actor Manager = new(Guid.NewGuid(), "Nông Thị Hoa", "manager");

    private TestPlatform Platform => cluster.Platform;

    private IGrainFactory Grains => cluster.Grains;

    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task A_packers_choice_that_cannot_hold_the_line_arrives_as_the_domains_refusal_and_nothing_is_packed_then_the_chosen_lot_is_used()
    {
        var cooperative = await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}");
        var product = await Platform.AddProductAsync(cooperative, $"mien-{Guid.NewGuid():N}", stock: 0);
        var grain = Grains.GetGrain<IProductGrain>(product.Id);
        var today = VietnamCalendar.Today(TimeProvider.System);
        var small = await grain.StartBatchAsync(new BatchDetails("Mẻ nhỏ", today.AddDays(-9), today.AddDays(-9), null, 1), Manager);
        var large = await grain.StartBatchAsync(new BatchDetails("Mẻ lớn", today.AddDays(-1), today.AddDays(-1), null, 20), Manager);
        var entry = await grain.WriteDiaryAsync(large.BatchId, new DiaryDraft(today, FarmActivity.Packing, null, null, "Đóng gói"), Manager);
        var placed = Assert.Single(await Grains.GetGrain<ICheckoutGrain>(Guid.NewGuid())
            .PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, 3)])));
        var order = Grains.GetGrain<IOrderGrain>(placed.OrderId);
        await order.ConfirmAsync(Manager);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => order.PackAsync(Manager, new Dictionary<Guid, Guid> { [product.Id] = small.BatchId }));

        Assert.Equal("batch.not_enough", refusal.Code);
        Assert.Equal(OrderStatus.Confirmed, (await OrderAsync(placed.OrderId)).Status);
        await order.PackAsync(Manager, new Dictionary<Guid, Guid> { [product.Id] = large.BatchId });
        var line = Assert.Single((await OrderAsync(placed.OrderId)).Lines);
        Assert.Equal((large.BatchId, large.Code), (line.BatchId!.Value, line.TraceCode!));
        await using var db = Platform.NewContext();
        var batches = await db.ProductBatches.AsNoTracking().Where(b => b.Id == small.BatchId || b.Id == large.BatchId).ToDictionaryAsync(b => b.Id);
        Assert.Equal((0, 3), (batches[small.BatchId].Packed, batches[large.BatchId].Packed));
        Assert.Equal(1, entry);
        Assert.Equal("Đóng gói", Assert.Single(batches[large.BatchId].Entries).Note);
        Assert.Equal(18, (await db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id)).Stock);
    }

    private async Task<Order> OrderAsync(Guid id)
    {
        await using var db = Platform.NewContext();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}

public sealed class SqliteBatchPackingTests(SqliteGrainCluster cluster) : BatchPackingTests(cluster), IClassFixture<SqliteGrainCluster>;

public sealed class PostgresBatchPackingTests(PostgresGrainCluster cluster) : BatchPackingTests(cluster), IClassFixture<PostgresGrainCluster>, IUsesPostgres;
