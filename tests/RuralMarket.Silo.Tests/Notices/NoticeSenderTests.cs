using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Data.Notices;
using RuralMarket.Silo.Notices;
using RuralMarket.Testing.Notices;

namespace RuralMarket.Silo.Tests.Notices;

/// <summary>The notice sender and relay on each database, against the fake SMS gateway, on the platform's fake clock.</summary>
public abstract class NoticeSenderTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string Phone = "0987654321";
    private readonly FakeSmsGateway _sms = new();
    private TestPlatform _platform = null!;

    public async Task InitializeAsync() =>
        _platform = await TestPlatform.StartAsync(kind, builder =>
        {
            builder.Configuration["Silo:Enabled"] = "false"; // the test drives the relay itself
            builder.Configuration["Notices:MaxAttempts"] = "3";
            builder.Configuration["Notices:FirstRetryDelay"] = "00:01:00";
            foreach (var (key, value) in _sms.Settings)
            {
                builder.Configuration[key] = value;
            }
            builder.AddSiloServices();
            builder.Services.AddSingleton<NoticeRelay>();
        });

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _sms.Dispose();
    }

    private NoticeRelay Relay => _platform.Services.GetRequiredService<NoticeRelay>();

    private NoticeSender Sender => _platform.Services.GetRequiredService<NoticeSender>();

    private async Task<Guid> StoreAsync(string text, TimeSpan? heldFor = null)
    {
        var now = _platform.Clock.GetUtcNow();
        var notice = new Notice(Guid.NewGuid(), $"order.placed:{Guid.NewGuid()}", "order.placed", "sms", Phone, text, "{}", 1, now, now + (heldFor ?? TimeSpan.Zero));
        await using var db = _platform.NewContext();
        db.Notices.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private async Task<Notice> StoredAsync(Guid id)
    {
        await using var db = _platform.NewContext();
        return await db.Notices.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    [ServiceFact]
    public async Task Eight_senders_at_once_send_a_notice_once()
    {
        var id = await StoreAsync("Da nhan don RM1");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Sender.SendAsync(id, CancellationToken.None))));

        Assert.Single(_sms.SentTo(Phone, "Da nhan don RM1"));
        var sent = await StoredAsync(id);
        Assert.Equal((NoticeState.Sent, 1, (DateTimeOffset?)_platform.Clock.GetUtcNow()), (sent.State, sent.Attempts, sent.SentAt));
        Assert.Null(sent.LeasedUntil);
    }

    [ServiceFact]
    public async Task A_notice_held_for_quiet_hours_goes_when_its_time_comes()
    {
        var id = await StoreAsync("Don RM2 da giao", heldFor: TimeSpan.FromHours(8));

        Assert.Equal(0, await Relay.SendDueAsync(CancellationToken.None));
        _platform.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, await Relay.SendDueAsync(CancellationToken.None));

        Assert.Single(_sms.SentTo(Phone, "Don RM2 da giao"));
        Assert.Equal(NoticeState.Sent, (await StoredAsync(id)).State);
    }

    [ServiceFact]
    public async Task A_failing_gateway_is_retried_with_back_off_then_the_notice_is_parked()
    {
        _sms.WillAnswer("99");
        var id = await StoreAsync("Don RM3");

        await Sender.SendAsync(id, CancellationToken.None);
        var first = await StoredAsync(id);
        Assert.Equal((NoticeState.Failed, 1), (first.State, first.Attempts));
        Assert.Equal(_platform.Clock.GetUtcNow().AddMinutes(1), first.NotBefore);
        Assert.Contains("CodeResult 99", first.LastError, StringComparison.Ordinal);

        Assert.Equal(0, await Relay.SendDueAsync(CancellationToken.None)); // not before its time
        _platform.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Relay.SendDueAsync(CancellationToken.None));
        Assert.Equal(_platform.Clock.GetUtcNow().AddMinutes(2), (await StoredAsync(id)).NotBefore); // doubled

        _platform.Clock.Advance(TimeSpan.FromMinutes(2));
        await Relay.SendDueAsync(CancellationToken.None);
        Assert.Equal((NoticeState.Parked, 3), ((await StoredAsync(id)).State, (await StoredAsync(id)).Attempts));
        _platform.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Relay.SendDueAsync(CancellationToken.None));
        Assert.Equal(3, _sms.SentTo(Phone, "Don RM3").Count);
    }

    [ServiceFact]
    public async Task An_opted_out_recipient_is_not_sent_anything()
    {
        var id = await StoreAsync("Don RM4");
        await using (var db = _platform.NewContext())
        {
            await NoticeOptOuts.StopAsync(db, [Phone], _platform.Clock.GetUtcNow(), CancellationToken.None);
            await NoticeOptOuts.StopAsync(db, [Phone], _platform.Clock.GetUtcNow(), CancellationToken.None); // twice changes nothing
        }

        await Sender.SendAsync(id, CancellationToken.None);

        Assert.Equal(NoticeState.OptedOut, (await StoredAsync(id)).State);
        Assert.Empty(_sms.SentTo(Phone));
    }
}

public sealed class SqliteNoticeSenderTests() : NoticeSenderTests(DatabaseKind.Sqlite);

public sealed class PostgresNoticeSenderTests() : NoticeSenderTests(DatabaseKind.Postgres), IUsesPostgres;
