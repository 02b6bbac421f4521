namespace RuralMarket.Data.Hosting;

/// <summary>
/// Whether the app may serve: the database reached and migrated, every start-up gate passed (the silo active, say),
/// and the initialisers run. Read by <c>/readyz</c>.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _problem = "The database has not been prepared yet.";

    public bool IsReady => _problem is null;

    /// <summary>Why the app is not ready, in words an operator can act on; null when ready.</summary>
    public string? Problem => _problem;

    /// <summary>Completes once the schema is current: the silo starts only then.</summary>
    public Task Migrated => _migrated.Task;

    internal void MarkMigrated() => _migrated.TrySetResult();

    internal void Ready() => _problem = null;

    /// <summary>Stops serving with the reason (for example the silo shutting down).</summary>
    public void NotReady(string problem) => _problem = problem;
}

/// <summary>Work that must run once the schema is current and before the app reports ready (e.g. loading the seed catalogue).</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}

/// <summary>Something start-up waits for between migrating and initialising, such as the silo becoming active.</summary>
public interface IStartupGate
{
    /// <summary>What is awaited, as /readyz reports it meanwhile.</summary>
    string Awaiting { get; }

    Task WaitAsync(CancellationToken cancellationToken);
}
