using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Orders;

namespace RuralMarket.Silo.Orders;

/// <summary>
/// The slow sweep behind the reminders: it decides nothing, it only asks grains to do what is overdue. Unpaid prepaid
/// orders past their window are asked to expire, checkouts stuck half-way (a crash) to resume, and cancelled orders
/// that still hold stock (a crash between storing the cancellation and releasing) to release it again.
/// </summary>
public sealed partial class OverdueWorkSweep(
    IDbContextFactory<RuralMarketDbContext> contexts,
    IGrainFactory grains,
    DatabaseReadiness readiness,
    IOptions<SiloOptions> options,
    TimeProvider clock,
    ILogger<OverdueWorkSweep> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (readiness.IsReady)
            {
                var asked = await SiloLoop.RunSafelyAsync(() => SweepAsync(stoppingToken), logger, stoppingToken);
                if (asked > 0)
                {
                    LogSwept(asked);
                }
            }
            await Task.Delay(options.Value.ExpiryInterval, clock, stoppingToken);
        }
    }

    /// <summary>One round; answers how many grains were asked.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuckSince = now - StuckAfter;
        List<Guid> overdue, holding, stuck;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            overdue = await db.Orders.AsNoTracking()
                .Where(o => o.Status == OrderStatus.Placed && o.PaidAt == null && o.ReservationExpiresAt <= now)
                .OrderBy(o => o.ReservationExpiresAt).Select(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
            holding = await db.Products.AsNoTracking().SelectMany(p => p.Reservations.Select(r => r.OrderId))
                .Where(orderId => db.Orders.Any(o => o.Id == orderId && o.Status == OrderStatus.Cancelled))
                .Distinct().Take(BatchSize).ToListAsync(cancellationToken);
            stuck = await db.Checkouts.AsNoTracking()
                .Where(c => c.Status == CheckoutStatus.Reserving && c.StartedAt <= stuckSince)
                .Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        foreach (var orderId in overdue.Concat(holding).Distinct())
        {
            await grains.GetGrain<IOrderGrain>(orderId).ExpireAsync();
        }
        foreach (var checkoutId in stuck)
        {
            await grains.GetGrain<ICheckoutGrain>(checkoutId).ResumeAsync();
        }
        return overdue.Count + holding.Count + stuck.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked {Count} orders and checkouts to finish overdue work")]
    private partial void LogSwept(int count);
}
