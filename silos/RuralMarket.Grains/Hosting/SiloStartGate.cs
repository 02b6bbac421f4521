using RuralMarket.Data.Hosting;

namespace RuralMarket.Grains.Hosting;

/// <summary>
/// Ties start-up to the silo: initialising (the seed goes through grains) waits until the silo is active, and a silo
/// shutting down makes the app not ready again. (Grain storage and reminders wait for the schema themselves, so the
/// silo's own start never waits on a database that may be down.)
/// </summary>
internal sealed class SiloStartGate(DatabaseReadiness readiness) : ILifecycleParticipant<ISiloLifecycle>, IStartupGate
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Awaiting => "The Orleans silo is starting.";

    public Task WaitAsync(CancellationToken cancellationToken) => _active.Task.WaitAsync(cancellationToken);

    public void Participate(ISiloLifecycle lifecycle)
    {
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
