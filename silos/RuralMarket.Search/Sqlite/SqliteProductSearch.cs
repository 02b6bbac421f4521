using System.Data.Common;
using Microsoft.Data.Sqlite;
using RuralMarket.Data.Hosting;
using RuralMarket.Search.Sql;

namespace RuralMarket.Search.Sqlite;

/// <summary>
/// Search on SQLite FTS5 (the embedded default). Each query word must match its folded form (or a spelling one typo
/// away) in the name or body; its exact form is offered too, so bm25 scores products spelled exactly as typed higher.
/// </summary>
internal sealed class SqliteProductSearch(DatabaseOptions database, SqliteTermVocabulary vocabulary) : SqlProductSearch(vocabulary)
{
    private static readonly SqlDialect Sqlite = new(
        MatchJoin: "JOIN search_products_fts ON search_products_fts.rowid = p.rowid",
        MatchCondition: "search_products_fts MATCH @match",
        Score: "bm25(search_products_fts, 10.0, 2.0, 14.0, 3.0)",
        NameSort: "p.name_sort");

    protected override SqlDialect Dialect => Sqlite;

    protected override string SuggestSql => """
        SELECT p.name, p.slug
        FROM search_products p JOIN search_products_fts ON search_products_fts.rowid = p.rowid
        WHERE search_products_fts MATCH @match
        ORDER BY bm25(search_products_fts, 1.0, 0.0, 0.0, 0.0), p.name_sort
        LIMIT @take
        """;

    protected override DbConnection CreateConnection() => new SqliteConnection(database.ConnectionString);

    protected override object DateValue(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override void AddMatchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms) =>
        Add(command, "match", string.Join(" AND ", terms.Select(MatchTerm)));

    protected override void AddSuggestParameters(DbCommand command, IReadOnlyList<string> foldedWords)
    {
        var whole = foldedWords.Take(foldedWords.Count - 1).Select(w => $"\"{w}\"");
        var last = $"\"{foldedWords[^1]}\"*";
        Add(command, "match", "{name_folded} : (" + string.Join(" AND ", whole.Append(last)) + ")");
    }

    /// <summary>Terms hold letters and digits only (see <see cref="SearchTerm"/>), so quoting them is enough to keep FTS5 operators out.</summary>
    private static string MatchTerm(SearchTerm term)
    {
        var folded = string.Join(" OR ", term.FoldedForms.Select(f => $"\"{f}\""));
        return $"({{name_folded body_folded}} : ({folded}) OR {{name_exact body_exact}} : \"{term.Exact}\")";
    }
}
