using RuralMarket.Data.Hosting;

namespace RuralMarket.Grains.Hosting;

/// <summary>
/// Ties the silo to the database's start-up: the silo starts only once the schema is current (grain storage and
/// reminders read our tables), and start-up initialises (the seed goes through grains) only once the silo is active.
/// A silo shutting down makes the app not ready again.
/// </summary>
internal sealed class SiloStartGate(DatabaseReadiness readiness) : ILifecycleParticipant<ISiloLifecycle>, IStartupGate
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Awaiting => "The Orleans silo is starting.";

    public Task WaitAsync(CancellationToken cancellationToken) => _active.Task.WaitAsync(cancellationToken);

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe(nameof(SiloStartGate), ServiceLifecycleStage.First, readiness.Migrated.WaitAsync);
        lifecycle.Subscribe(nameof(SiloStartGate), ServiceLifecycleStage.Active, _ =>
        {
            _active.TrySetResult();
            return Task.CompletedTask;
        }, _ =>
        {
            readiness.NotReady("The Orleans silo is shutting down.");
            return Task.CompletedTask;
        });
    }
}
