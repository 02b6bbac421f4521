using Microsoft.Extensions.Logging;

namespace RuralMarket.Silo;

internal static class SiloLoop
{
    /// <summary>
    /// One round of a background loop. A failing round (the database briefly gone, say) must not end the loop:
    /// the error is logged and the next round, a second later, tries again.
    /// </summary>
    public static async Task<int> RunSafelyAsync(Func<Task<int>> round, ILogger logger, CancellationToken stoppingToken)
    {
        try
        {
            return await round();
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "A background round failed; trying again shortly");
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            return 0;
        }
    }
}
