using System.Collections.Concurrent;

namespace RuralMarket.Data.Sqlite;

/// <summary>
/// SQLite lets one connection write to a file at a time, and Microsoft.Data.Sqlite retries a writer that finds the
/// file locked by sleeping 150 ms, again and again until the command timeout. Under many writers at once (200 buyers'
/// checkouts, the search indexer and the outbox relay beside them) that is a lottery: a CI run saw one checkout wait
/// out the full 30 s. Writers of this process take turns in arrival order instead, so none starves; another process
/// writing the same file still meets the retry.
/// </summary>
public static class SqliteWriterTurns
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> TurnsByDatabase = new(StringComparer.Ordinal);

    /// <summary>Waits for this writer's turn on the database; disposing the answer passes the turn on.</summary>
    public static async ValueTask<IDisposable> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var turns = TurnsByDatabase.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        await turns.WaitAsync(cancellationToken);
        return new Turn(turns);
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _passed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _passed, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}
