using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Domain.Shared;
using RuralMarket.Silo;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Search.Tests.Indexing;

/// <summary>Product changes reach the index through the outbox and the silo's relay, never straight from the change.</summary>
public abstract class OutboxIndexingTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestPlatform _platform = null!;

    public async Task InitializeAsync() =>
        _platform = await TestPlatform.StartAsync(kind, builder =>
        {
            builder.Configuration["Silo:Enabled"] = "false";
            builder.AddSiloServices();
            builder.AddSearch();
        });

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private async Task RelayAllAsync()
    {
        var relay = _platform.Services.GetRequiredService<OutboxRelay>();
        while (await relay.RelayBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<List<SearchHit>> FindAsync(string text) =>
        (await _platform.Services.GetRequiredService<IProductSearch>()
            .SearchAsync(new ProductSearchQuery { Text = text, Today = VietnamCalendar.Today(_platform.Clock) }, CancellationToken.None)).Items.ToList();

    [ServiceFact]
    public async Task A_published_product_becomes_searchable_once_the_relay_has_run_and_follows_later_changes()
    {
        var cooperative = await _platform.AddCooperativeAsync();
        var product = await _platform.AddProductAsync(cooperative, "mien-dong", priceDong: 85_000);
        Assert.Empty(await FindAsync("mien dong")); // the change itself does not touch the index

        await RelayAllAsync();
        Assert.Equal(85_000, Assert.Single(await FindAsync("mien dong")).PriceDong);

        await using (var db = _platform.NewContext())
        {
            (await db.Products.FindAsync(product.Id))!.ChangePrice(Money.FromDong(90_000), _platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await RelayAllAsync();
        Assert.Equal(90_000, Assert.Single(await FindAsync("mien dong")).PriceDong);

        await using (var db = _platform.NewContext())
        {
            (await db.Products.FindAsync(product.Id))!.Archive(_platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await RelayAllAsync();
        Assert.Empty(await FindAsync("mien dong"));
    }

    [ServiceFact]
    public async Task Products_of_a_cooperative_appear_only_once_it_is_verified()
    {
        var cooperative = await _platform.AddCooperativeAsync("htx-cho-duyet", verified: false);
        await _platform.AddProductAsync(cooperative, "mien-cho-duyet");
        await RelayAllAsync();
        Assert.Empty(await FindAsync("mien"));

        await using (var db = _platform.NewContext())
        {
            (await db.Cooperatives.FindAsync(cooperative.Id))!.Verify(_platform.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await RelayAllAsync();
        Assert.Single(await FindAsync("mien"));
    }
}

public sealed class SqliteOutboxIndexingTests() : OutboxIndexingTests(DatabaseKind.Sqlite);

public sealed class PostgresOutboxIndexingTests() : OutboxIndexingTests(DatabaseKind.Postgres), IUsesPostgres;
