using Npgsql;

namespace RuralMarket.Search.Postgres;

/// <summary>
/// The folded words of the index, in <c>search_terms</c>. Typo candidates are the words pg_trgm finds similar, plus
/// the exact spellings one edit away (trigrams miss swapped letters in short words: "mein" and "mien" share one).
/// </summary>
internal sealed class PostgresTermVocabulary(NpgsqlDataSource dataSource) : ITermVocabulary
{
    public async Task<IReadOnlySet<string>> KnownAsync(IReadOnlyCollection<string> foldedTerms, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT term FROM search_terms WHERE term = ANY(@terms)");
        command.Parameters.AddWithValue("terms", foldedTerms.ToArray());
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }
        return known;
    }

    public async Task<IReadOnlyList<string>> CandidatesAsync(string foldedTerm, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT term FROM search_terms WHERE term % @term OR term = ANY(@neighbours) ORDER BY similarity(term, @term) DESC LIMIT 20");
        command.Parameters.AddWithValue("term", foldedTerm);
        command.Parameters.AddWithValue("neighbours", EditDistance.Neighbours(foldedTerm).Distinct().ToArray());
        var candidates = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(reader.GetString(0));
        }
        return candidates;
    }
}
