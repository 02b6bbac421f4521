using System.Data.Common;
using Npgsql;
using RuralMarket.Data.Hosting;
using RuralMarket.Search.Sql;

namespace RuralMarket.Search.Postgres;

/// <summary>
/// Search on PostgreSQL: the folded tsvector (<c>rm_fold</c> = unaccent + lower, configuration 'simple') decides what
/// matches; the exact tsvector, queried with the words as typed, adds to the rank so exact spellings come first.
/// </summary>
internal sealed class PostgresProductSearch(NpgsqlDataSource dataSource, PostgresTermVocabulary vocabulary) : SqlProductSearch(vocabulary)
{
    private static readonly SqlDialect Postgres = new(
        MatchJoin: string.Empty,
        MatchCondition: "p.document @@ to_tsquery('simple', @match)",
        Score: "-(ts_rank(p.document, to_tsquery('simple', @match)) + 2 * ts_rank(p.exact, to_tsquery('simple', @exact)))",
        NameSort: "p.name_folded");

    protected override SqlDialect Dialect => Postgres;

    protected override string SuggestSql => """
        SELECT p.name, p.slug
        FROM search_products p
        WHERE p.document @@ to_tsquery('simple', @match)
        ORDER BY similarity(p.name_folded, @typed) DESC, p.name_folded
        LIMIT @take
        """;

    protected override DbConnection CreateConnection() => dataSource.CreateConnection();

    protected override object DateValue(DateOnly day) => day;

    /// <summary>Terms hold letters and digits only (see <see cref="SearchTerm"/>), so no tsquery operator can be smuggled in.</summary>
    protected override void AddMatchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms)
    {
        Add(command, "match", string.Join(" & ", terms.Select(t => "(" + string.Join(" | ", t.FoldedForms) + ")")));
        Add(command, "exact", string.Join(" | ", terms.Select(t => $"'{t.Exact}'")));
    }

    protected override void AddSuggestParameters(DbCommand command, IReadOnlyList<string> foldedWords)
    {
        var whole = foldedWords.Take(foldedWords.Count - 1).Select(w => $"{w}:A");
        Add(command, "match", string.Join(" & ", whole.Append($"{foldedWords[^1]}:*A")));
        Add(command, "typed", string.Join(' ', foldedWords));
    }
}
