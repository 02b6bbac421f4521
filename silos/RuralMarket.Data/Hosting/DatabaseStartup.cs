using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RuralMarket.Data.Schema;

namespace RuralMarket.Data.Hosting;

/// <summary>
/// Brings the database up to date at start-up, waits for the start-up gates (the silo starts only on a current
/// schema), then runs the initialisers. Until that has worked the app is not
/// ready (<c>/readyz</c> fails with the reason); a database that is down is retried rather than half-used.
/// </summary>
internal sealed partial class DatabaseStartup(
    SchemaMigrator migrator,
    DatabaseReadiness readiness,
    IServiceScopeFactory scopes,
    IEnumerable<IStartupGate> gates,
    DatabaseOptions options,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await migrator.MigrateAsync(stoppingToken);
                readiness.MarkMigrated();
                foreach (var gate in gates)
                {
                    readiness.NotReady(gate.Awaiting);
                    await gate.WaitAsync(stoppingToken);
                }
                await using (var scope = scopes.CreateAsyncScope())
                {
                    foreach (var initializer in scope.ServiceProvider.GetServices<IDatabaseInitializer>())
                    {
                        await initializer.InitializeAsync(stoppingToken);
                    }
                }
                readiness.Ready();
                LogReady(options.Provider, applied);
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                var problem = $"Cannot prepare the {options.Provider} database: {error.GetBaseException().Message}";
                readiness.NotReady(problem);
                LogNotReady(error, problem, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}); {Applied} schema scripts applied now")]
    private partial void LogReady(DatabaseProvider provider, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}. Retrying in {Seconds} s")]
    private partial void LogNotReady(Exception error, string problem, double seconds);
}
