using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Tests.Storage;

/// <summary>
/// The contract our grain storage keeps for Orleans, on each database: the first write of a new aggregate is won
/// once, a stale etag is refused, and an aggregate's rows and its outbox messages are saved together or not at all.
/// </summary>
public abstract class TableGrainStorageTests(GrainCluster cluster) : IAsyncLifetime
{
    private IGrainStorage Storage => cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress)
        .GetRequiredKeyedService<IGrainStorage>(TableGrainStorage.Name);

    private TestPlatform Platform => cluster.Platform;

    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task Two_first_writes_of_one_new_aggregate_store_it_once_and_refuse_the_other()
    {
        var cooperative = await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}");
        var id = Guid.NewGuid();
        var states = new[] { await ReadAsync(id), await ReadAsync(id) };
        Assert.All(states, s => Assert.False(s.RecordExists));
        for (var i = 0; i < states.Length; i++)
        {
            states[i].State!.Start(NewProduct(id, cooperative.Id, $"Miến lô {i}"));
        }

        var writes = await Task.WhenAll(states.Select(async s =>
        {
            try
            {
                await Storage.WriteStateAsync("product", Key(id), s);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, writes.Count(won => won));
        await using var db = Platform.NewContext();
        var stored = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(states[Array.IndexOf(writes, true)].State!.Aggregate!.Name, stored.Name);
    }

    [ServiceFact]
    public async Task A_write_from_a_stale_read_is_refused_and_the_newer_write_stays()
    {
        var product = await Platform.AddProductAsync(await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}"), $"mien-{Guid.NewGuid():N}", stock: 10);
        var first = await ReadAsync(product.Id);
        var second = await ReadAsync(product.Id);
        first.State!.Aggregate!.AdjustStock(5, Platform.Clock.GetUtcNow());
        await Storage.WriteStateAsync("product", Key(product.Id), first);

        second.State!.Aggregate!.AdjustStock(-3, Platform.Clock.GetUtcNow());
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("product", Key(product.Id), second));

        await using var db = Platform.NewContext();
        Assert.Equal(15, await db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync());
    }

    [ServiceFact]
    public async Task When_any_row_of_a_write_fails_neither_the_aggregate_nor_its_outbox_messages_are_saved()
    {
        var product = await Platform.AddProductAsync(await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}"), $"mien-{Guid.NewGuid():N}", stock: 10, publish: false);
        var taken = new OutboxMessage(Guid.NewGuid(), "Test", "{}", Platform.Clock.GetUtcNow());
        await using (var setup = Platform.NewContext())
        {
            setup.OutboxMessages.Add(taken);
            await setup.SaveChangesAsync();
        }
        var before = await OutboxAboutAsync(product.Id);
        var state = await ReadAsync(product.Id);
        state.State!.Aggregate!.Publish(Platform.Clock.GetUtcNow());
        Assert.NotEmpty(state.State.Aggregate.PendingEvents);
        // A row of the same write that cannot be inserted (its id is taken) makes the whole transaction fail.
        state.State!.Record(new OutboxMessage(taken.Id, "Test", "{}", Platform.Clock.GetUtcNow()));

        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteStateAsync("product", Key(product.Id), state));

        await using var db = Platform.NewContext();
        Assert.Equal(ProductStatus.Draft, await db.Products.Where(p => p.Id == product.Id).Select(p => p.Status).SingleAsync());
        Assert.Equal(before, await OutboxAboutAsync(product.Id));
    }

    private async Task<GrainState<AggregateState<Product>>> ReadAsync(Guid id)
    {
        var state = new GrainState<AggregateState<Product>>(new AggregateState<Product>());
        await Storage.ReadStateAsync("product", Key(id), state);
        return state;
    }

    private async Task<int> OutboxAboutAsync(Guid productId)
    {
        await using var db = Platform.NewContext();
        return await db.OutboxMessages.CountAsync(m => m.Payload.Contains(productId.ToString()));
    }

    private static GrainId Key(Guid id) => GrainId.Create("product", id.ToString("N"));

    private Product NewProduct(Guid id, Guid cooperativeId, string name) =>
        Product.Create(id, cooperativeId, $"mien-{id:N}",
            new ProductListing(name, "Miến làm từ củ dong riềng.", ProductCategory.Food, SalesUnit.Package, 500, "Vi Hương, Bắc Kạn", "Tháng 11 – tháng 2"),
            Money.FromDong(85_000), Platform.Clock.GetUtcNow());
}

public sealed class SqliteTableGrainStorageTests(SqliteGrainCluster cluster) : TableGrainStorageTests(cluster), IClassFixture<SqliteGrainCluster>;

public sealed class PostgresTableGrainStorageTests(PostgresGrainCluster cluster) : TableGrainStorageTests(cluster), IClassFixture<PostgresGrainCluster>, IUsesPostgres;
