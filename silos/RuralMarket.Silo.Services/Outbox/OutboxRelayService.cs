using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Silo.Outbox;

/// <summary>Runs the relay for as long as the host lives: straight on while there is work, polling when idle.</summary>
internal sealed class OutboxRelayService(OutboxRelay relay, DatabaseReadiness readiness, IOptions<RelayOptions> options, TimeProvider clock,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            if (readiness.IsReady)
            {
                claimed = await SiloLoop.RunSafelyAsync(() => relay.RelayBatchAsync(stoppingToken), logger, stoppingToken);
            }
            if (claimed == 0)
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }
}
