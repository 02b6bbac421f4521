using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Notices;
using RuralMarket.Data.Outbox;
using RuralMarket.Domain.Notices;
using RuralMarket.Notices;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo.Notices;

/// <summary>
/// Turns events into notices: each planned one is stored once per fact, channel and recipient (the unique key makes
/// a replayed event, or two relays at once, store one), then the ones due now are sent at once. A send that fails is
/// kept on the notice and retried by <see cref="NoticeRelay"/>, never by failing the event, so one bad number cannot
/// hold up the rest.
/// </summary>
internal sealed class NoticeHandler(
    IDbContextFactory<RuralMarketDbContext> contexts,
    NoticePlanner planner,
    NoticeChannels channels,
    NoticeSender sender,
    TimeProvider clock) : IOutboxHandler
{
    public bool Handles(string messageType) => NoticePlanner.EventTypes.Contains(messageType);

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var due = new List<Guid>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var planned in await planner.PlanAsync(db, message, cancellationToken))
            {
                if (channels.For(planned.Recipient, planned.Draft.Kind) is not { } channel)
                {
                    continue;
                }
                var notice = NewNotice(planned, channel.Name);
                if (await StoreOnceAsync(db, notice, cancellationToken) && notice.NotBefore <= clock.GetUtcNow())
                {
                    due.Add(notice.Id);
                }
            }
        }
        foreach (var id in due)
        {
            await sender.SendAsync(id, cancellationToken);
        }
    }

    private Notice NewNotice(PlannedNotice planned, string channel)
    {
        var now = clock.GetUtcNow();
        var (text, segments) = channel is "email" or "zalo" ? (planned.Draft.Text, 0) : SmsOf(planned.Draft.Text);
        return new Notice(Guid.NewGuid(), planned.Draft.Key, planned.Draft.Kind.Name, channel, planned.Recipient, text,
            JsonSerializer.Serialize(planned.Draft.Fields), segments, now, QuietHours.EarliestSend(planned.Draft.Kind, now));
    }

    private static (string Text, int Segments) SmsOf(string text)
    {
        var sms = SmsText.Choose(text);
        return (sms.Text, sms.Segments);
    }

    /// <summary>True when this call stored it; false when the same notice was stored before (or by another relay just now).</summary>
    private static async Task<bool> StoreOnceAsync(RuralMarketDbContext db, Notice notice, CancellationToken cancellationToken)
    {
        Task<bool> StoredBefore() => db.Notices.AnyAsync(n => n.Key == notice.Key && n.Channel == notice.Channel && n.Recipient == notice.Recipient, cancellationToken);
        if (await StoredBefore())
        {
            return false;
        }
        db.Notices.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await StoredBefore())
            {
                return false; // another relay stored it between our look and our insert
            }
            throw;
        }
    }
}
