using Microsoft.Extensions.Logging;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Grains.Hosting;

/// <summary>
/// With the cluster's tables in our database, a silo must not try to join before the migration that creates them
/// has run: it waits at the first stage of its start, so a database that is down leaves the silo not started (and the
/// host not ready) instead of half-joined.
/// </summary>
internal sealed partial class SchemaBeforeMembership(DatabaseReadiness readiness, ILogger<SchemaBeforeMembership> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaBeforeMembership), ServiceLifecycleStage.First, async cancellation =>
        {
            if (!readiness.Migrated.IsCompleted)
            {
                LogWaiting();
            }
            await readiness.Migrated.WaitAsync(cancellation);
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "The silo waits for the database schema before it joins the cluster")]
    private partial void LogWaiting();
}
