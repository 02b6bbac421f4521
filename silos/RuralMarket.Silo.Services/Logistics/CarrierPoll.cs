using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Logistics;
using RuralMarket.Grains.Logistics;
using RuralMarket.Logistics;

namespace RuralMarket.Silo.Logistics;

/// <summary>
/// Asks the parcels of polled carriers that are still on their way to fetch their steps, the least recently moved
/// first. It decides nothing: each shipment grain records what its carrier says. A carrier that cannot be reached is
/// logged and tried again next round.
/// </summary>
public sealed partial class CarrierPoll(
    IDbContextFactory<RuralMarketDbContext> contexts,
    IGrainFactory grains,
    Carriers carriers,
    DatabaseReadiness readiness,
    IOptions<SiloOptions> options,
    TimeProvider clock,
    ILogger<CarrierPoll> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private static readonly ShipmentStatus[] Finished =
        [ShipmentStatus.Delivered, ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged, ShipmentStatus.Cancelled];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.CarrierPollInterval, clock, stoppingToken);
            if (readiness.IsReady)
            {
                await SiloLoop.RunSafelyAsync(() => PollAsync(stoppingToken), logger, stoppingToken);
            }
        }
    }

    /// <summary>One round; answers how many steps were applied.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var polled = carriers.Polled;
        if (polled.Count == 0)
        {
            return 0;
        }
        List<Guid> open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            open = await db.Shipments.AsNoTracking()
                .Where(s => polled.Contains(s.Carrier) && !Finished.Contains(s.Status))
                .OrderBy(s => s.LastStepAt).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        var applied = 0;
        foreach (var id in open)
        {
            try
            {
                applied += await grains.GetGrain<IShipmentGrain>(id).RefreshAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever type the carrier's refusal arrives as from the grain, one parcel must not stop the round.
                LogUnreachable(id, e.Message);
            }
        }
        return applied;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the carrier of shipment {ShipmentId} failed: {Problem}")]
    private partial void LogUnreachable(Guid shipmentId, string problem);
}
