using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Orders;

namespace RuralMarket.Silo.Orders;

/// <summary>Scheduled work: returns the stock of unpaid prepaid orders whose payment window has passed.</summary>
internal sealed partial class ReservationExpiryService(
    ReservationExpiry expiry,
    DatabaseReadiness readiness,
    IOptions<SiloOptions> options,
    TimeProvider clock,
    ILogger<ReservationExpiryService> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (readiness.IsReady)
            {
                var expired = await SiloLoop.RunSafelyAsync(() => expiry.ExpireDueAsync(BatchSize, stoppingToken), logger, stoppingToken);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            await Task.Delay(options.Value.ExpiryInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unpaid orders and returned their stock")]
    private partial void LogExpired(int count);
}
