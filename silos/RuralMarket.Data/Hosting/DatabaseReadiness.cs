namespace RuralMarket.Data.Hosting;

/// <summary>Whether the database has been reached, migrated and initialised; read by <c>/readyz</c>.</summary>
public sealed class DatabaseReadiness
{
    private volatile string? _problem = "The database has not been prepared yet.";

    public bool IsReady => _problem is null;

    /// <summary>Why the database is not ready, in words an operator can act on; null when ready.</summary>
    public string? Problem => _problem;

    internal void Ready() => _problem = null;

    internal void NotReady(string problem) => _problem = problem;
}

/// <summary>Work that must run once the schema is current and before the app reports ready (e.g. loading the seed catalogue).</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
