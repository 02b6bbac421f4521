using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Notices;
using RuralMarket.Domain.Notices;
using RuralMarket.Notices;

namespace RuralMarket.Silo.Notices;

/// <summary>
/// Sends one stored notice. It first takes a lease on the row (a conditional update only one sender can win), so two
/// silos never send the same notice; then honours an opt-out, sends through the notice's channel (or, where that
/// channel is not configured, writes it to the log), and records the answer: sent, failed with the next try's time,
/// or parked after <see cref="NoticesOptions.MaxAttempts"/> or a refusal that retrying cannot change.
/// </summary>
public sealed partial class NoticeSender(
    IDbContextFactory<RuralMarketDbContext> contexts,
    NoticeChannels channels,
    IOptions<NoticesOptions> options,
    TimeProvider clock,
    ILogger<NoticeSender> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task SendAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.Notices
            .Where(n => n.Id == noticeId && (n.State == NoticeState.Pending || n.State == NoticeState.Failed) && n.NotBefore <= now
                        && (n.LeasedUntil == null || n.LeasedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.LeasedUntil, now + Lease), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var notice = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == noticeId, cancellationToken);
        if (await db.NoticeOptOuts.AnyAsync(o => o.Recipient == notice.Recipient, cancellationToken))
        {
            await RecordAsync(db, noticeId, NoticeState.OptedOut, notice.Attempts, string.Empty, string.Empty, null, notice.NotBefore, cancellationToken);
            return;
        }
        var delivery = await DeliverAsync(notice, cancellationToken);
        var attempts = notice.Attempts + 1;
        var finished = clock.GetUtcNow();
        if (delivery.Sent)
        {
            await RecordAsync(db, noticeId, NoticeState.Sent, attempts, string.Empty, delivery.ProviderId, finished, notice.NotBefore, cancellationToken);
            return;
        }
        var park = delivery.Permanent || attempts >= options.Value.MaxAttempts;
        LogFailed(notice.Id, notice.Channel, attempts, park, delivery.Error);
        await RecordAsync(db, noticeId, park ? NoticeState.Parked : NoticeState.Failed, attempts, delivery.Error, string.Empty, null,
            park ? notice.NotBefore : finished + options.Value.RetryDelay(attempts), cancellationToken);
    }

    private async Task<NoticeDelivery> DeliverAsync(Notice notice, CancellationToken cancellationToken)
    {
        var channel = channels.Named(notice.Channel);
        if (channel is not { IsOn: true })
        {
            LogOnly(notice.Recipient, notice.Channel, notice.Text);
            return NoticeDelivery.Accepted("log");
        }
        var kind = NoticeKind.Named(notice.Kind) ?? throw new InvalidOperationException($"notice {notice.Id} has an unknown kind {notice.Kind}");
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(notice.Fields) ?? [];
        try
        {
            return await channel.SendAsync(new OutgoingNotice(notice.Id, kind, notice.Recipient, notice.Text, fields), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return NoticeDelivery.TryAgain($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static Task RecordAsync(RuralMarketDbContext db, Guid id, string state, int attempts, string error, string providerId, DateTimeOffset? sentAt,
        DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        db.Notices.Where(n => n.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.State, state)
            .SetProperty(n => n.Attempts, attempts)
            .SetProperty(n => n.LastError, error)
            .SetProperty(n => n.ProviderId, providerId)
            .SetProperty(n => n.SentAt, sentAt)
            .SetProperty(n => n.NotBefore, notBefore)
            .SetProperty(n => n.LeasedUntil, (DateTimeOffset?)null), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MESSAGE TO {Recipient} ({Channel} is not configured, so it is only logged): {Text}")]
    private partial void LogOnly(string recipient, string channel, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} by {Channel} failed on attempt {Attempt} (parked: {Parked}): {Error}")]
    private partial void LogFailed(Guid noticeId, string channel, int attempt, bool parked, string error);
}
