using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Notices;
using RuralMarket.Notices;

namespace RuralMarket.Silo.Notices;

/// <summary>
/// Sends the notices that are due and not sent: those held for quiet hours, and failed ones whose retry time has
/// come (and any a crashed sender left behind once its lease ran out). Every silo may run it; the sender's lease
/// keeps each notice to one of them.
/// </summary>
public sealed class NoticeRelay(
    IDbContextFactory<RuralMarketDbContext> contexts,
    NoticeSender sender,
    DatabaseReadiness readiness,
    IOptions<NoticesOptions> options,
    TimeProvider clock,
    ILogger<NoticeRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (readiness.IsReady)
            {
                await SiloLoop.RunSafelyAsync(() => SendDueAsync(stoppingToken), logger, stoppingToken);
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One round: answers how many due notices it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Notices.AsNoTracking()
                .Where(n => (n.State == NoticeState.Pending || n.State == NoticeState.Failed) && n.NotBefore <= now && (n.LeasedUntil == null || n.LeasedUntil < now))
                .OrderBy(n => n.NotBefore).Select(n => n.Id).Take(100).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            await sender.SendAsync(id, cancellationToken);
        }
        return due.Count;
    }
}
