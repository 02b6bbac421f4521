using System.Collections.Frozen;
using Microsoft.Data.Sqlite;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Search.Sqlite;

/// <summary>
/// The folded words in the FTS5 index, read from its vocabulary table and kept in memory (Vietnamese has a few
/// thousand syllables, so the set stays small). Refreshed when this process writes the index, and at most a minute old.
/// </summary>
internal sealed class SqliteTermVocabulary(DatabaseOptions database, TimeProvider clock) : ITermVocabulary
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> foldedTerms, CancellationToken cancellationToken)
    {
        var terms = (await CurrentAsync(cancellationToken)).Terms;
        return foldedTerms.Where(terms.Contains).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<string>> CandidatesAsync(string foldedTerm, CancellationToken cancellationToken)
    {
        var terms = (await CurrentAsync(cancellationToken)).Terms;
        return terms.Where(t => Math.Abs(t.Length - foldedTerm.Length) <= 1 && EditDistance.AtMostOne(foldedTerm, t)).ToList();
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge)
            {
                return snapshot;
            }
            var terms = new HashSet<string>(StringComparer.Ordinal);
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT term FROM search_products_vocab";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var term = reader.GetString(0);
                if (term.All(char.IsAsciiLetterOrDigit))
                {
                    terms.Add(term);
                }
            }
            _snapshot = snapshot = new Snapshot(terms.ToFrozenSet(StringComparer.Ordinal), clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(FrozenSet<string> Terms, DateTimeOffset LoadedAt);
}
