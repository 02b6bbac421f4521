using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Payments;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// Draws each cooperative's payout run when its last one is <c>Payments:PayoutEvery</c> old (weekly by default) and
/// settled money is waiting. It decides nothing itself: the run is the grain's, keyed by cooperative and day, so every
/// silo asking on the same day reaches one run.
/// </summary>
public sealed partial class PayoutSchedule(
    IDbContextFactory<RuralMarketDbContext> contexts,
    IGrainFactory grains,
    DatabaseReadiness readiness,
    IOptions<LedgerOptions> options,
    TimeProvider clock,
    ILogger<PayoutSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (readiness.IsReady)
            {
                var drawn = await SiloLoop.RunSafelyAsync(() => DrawDueAsync(stoppingToken), logger, stoppingToken);
                if (drawn > 0)
                {
                    LogDrawn(drawn);
                }
            }
            await Task.Delay(CheckEvery, clock, stoppingToken);
        }
    }

    /// <summary>One round; answers how many runs were drawn.</summary>
    public async Task<int> DrawDueAsync(CancellationToken cancellationToken)
    {
        var lastDue = clock.GetUtcNow() - options.Value.PayoutEvery;
        var today = VietnamCalendar.Today(clock);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Cooperatives.AsNoTracking()
            .Where(c => c.Verification == VerificationStatus.Verified && c.Payout != null)
            .Where(c => !db.PayoutRuns.Any(r => r.CooperativeId == c.Id && r.DrawnAt > lastDue))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var drawn = 0;
        foreach (var cooperativeId in due)
        {
            if ((await SettledMoney.OfAsync(db, cooperativeId, cancellationToken)).Waiting.Count == 0)
            {
                continue;
            }
            var receipt = await grains.GetGrain<IPayoutRunGrain>(IPayoutRunGrain.IdOf(cooperativeId, today)).DrawAsync(cooperativeId, today);
            drawn += receipt.Unchanged ? 0 : 1;
        }
        return drawn;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew {Count} payout runs")]
    private partial void LogDrawn(int count);
}
