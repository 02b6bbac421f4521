using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Data.Outbox;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Tests.Outbox;

public abstract class OutboxRelayTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private TestPlatform _platform = null!;

    public async Task InitializeAsync() =>
        _platform = await TestPlatform.StartAsync(kind, builder =>
        {
            builder.Configuration["Silo:Enabled"] = "false"; // the test drives the relays itself
            builder.Configuration["Silo:Relay:BatchSize"] = "20";
            builder.Configuration["Silo:Relay:MaxAttempts"] = "3";
            builder.Configuration["Silo:Relay:FirstRetryDelay"] = "00:00:10";
            builder.AddSiloServices();
            builder.Services.AddSingleton<IOutboxHandler>(_handler);
        });

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    private OutboxRelay NewRelay() => ActivatorUtilities.CreateInstance<OutboxRelay>(_platform.Services);

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        var start = _platform.Clock.GetUtcNow().AddMinutes(-1);
        var messages = Enumerable.Range(0, count)
            .Select(i => new OutboxMessage(Guid.NewGuid(), "TestEvent", $$"""{"n":{{i}}}""", start.AddMilliseconds(i)))
            .ToList();
        await using var db = _platform.NewContext();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    }

    private async Task<OutboxMessage> StoredAsync(Guid id)
    {
        await using var db = _platform.NewContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [ServiceFact]
    public async Task Two_relays_over_a_thousand_messages_handle_each_exactly_once()
    {
        var ids = await EnqueueAsync(1000);
        var relays = new[] { NewRelay(), NewRelay() };

        var claimedPerRelay = await Task.WhenAll(relays.Select(relay => Task.Run(async () =>
        {
            var claimed = 0;
            int batch;
            while ((batch = await relay.RelayBatchAsync(CancellationToken.None)) > 0)
            {
                claimed += batch;
            }
            return claimed;
        })));

        Assert.Equal(1000, claimedPerRelay.Sum());
        Assert.All(claimedPerRelay, claimed => Assert.True(claimed > 0, "both relays should have shared the work"));
        Assert.Equal(ids.Order(), _handler.Deliveries.Keys.Order());
        Assert.All(_handler.Deliveries.Values, deliveries => Assert.Equal(1, deliveries));
        Assert.Equal(1, _handler.MaxConcurrentPerMessage);
        await using var db = _platform.NewContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
    }

    [ServiceFact]
    public async Task A_failing_handler_is_retried_with_back_off_then_parked()
    {
        _handler.FailuresPerMessage = int.MaxValue;
        var id = Assert.Single(await EnqueueAsync(1));
        var relay = NewRelay();

        Assert.Equal(1, await relay.RelayBatchAsync(CancellationToken.None));
        var afterFirst = await StoredAsync(id);
        Assert.Equal((1, (DateTimeOffset?)null), (afterFirst.Attempts, afterFirst.ParkedAt));
        Assert.Equal(_platform.Clock.GetUtcNow().AddSeconds(10), afterFirst.NextAttemptAt);

        Assert.Equal(0, await relay.RelayBatchAsync(CancellationToken.None)); // not before the back-off
        _platform.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await relay.RelayBatchAsync(CancellationToken.None));
        Assert.Equal(_platform.Clock.GetUtcNow().AddSeconds(20), (await StoredAsync(id)).NextAttemptAt); // doubled

        _platform.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await relay.RelayBatchAsync(CancellationToken.None));
        var parked = await StoredAsync(id);
        Assert.Equal(3, parked.Attempts);
        Assert.NotNull(parked.ParkedAt);
        Assert.Contains("Search index unavailable (delivery 3)", parked.LastError, StringComparison.Ordinal);
        Assert.Null(parked.ProcessedAt);

        _platform.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await relay.RelayBatchAsync(CancellationToken.None));
        Assert.Equal(3, _handler.Deliveries[id]);
        var visible = await _platform.Services.GetRequiredService<OutboxStore>().ParkedAsync(10, CancellationToken.None);
        Assert.Equal(id, Assert.Single(visible).Id);
    }

    [ServiceFact]
    public async Task A_handler_that_recovers_gets_the_message_processed_on_retry()
    {
        _handler.FailuresPerMessage = 1;
        var id = Assert.Single(await EnqueueAsync(1));
        var relay = NewRelay();

        await relay.RelayBatchAsync(CancellationToken.None);
        _platform.Clock.Advance(TimeSpan.FromSeconds(10));
        await relay.RelayBatchAsync(CancellationToken.None);

        var stored = await StoredAsync(id);
        Assert.NotNull(stored.ProcessedAt);
        Assert.Equal(2, stored.Attempts);
        Assert.Null(stored.ParkedAt);
    }

    [ServiceFact]
    public async Task Messages_claimed_by_a_relay_that_died_are_taken_over_after_the_lease()
    {
        var ids = await EnqueueAsync(3);
        var store = _platform.Services.GetRequiredService<OutboxStore>();
        Assert.Equal(3, (await store.ClaimAsync("crashed-relay", 10, TimeSpan.FromMinutes(1), CancellationToken.None)).Count);
        var survivor = NewRelay();

        Assert.Equal(0, await survivor.RelayBatchAsync(CancellationToken.None));
        _platform.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(3, await survivor.RelayBatchAsync(CancellationToken.None));
        Assert.Equal(ids.Order(), _handler.Deliveries.Keys.Order());
    }
}

public sealed class SqliteOutboxRelayTests() : OutboxRelayTests(DatabaseKind.Sqlite);

public sealed class PostgresOutboxRelayTests() : OutboxRelayTests(DatabaseKind.Postgres), IUsesPostgres;
