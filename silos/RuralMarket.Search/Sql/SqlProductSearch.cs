using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace RuralMarket.Search.Sql;

/// <summary>
/// Search over the <c>search_products</c> table, shared by the SQLite and PostgreSQL adapters: filters, facets,
/// sorting and paging are the same SQL; the full-text match and its score come from the <see cref="SqlDialect"/>.
/// Every value reaches the database as a parameter; the statement text is built from constants only.
/// </summary>
internal abstract class SqlProductSearch(ITermVocabulary vocabulary) : IProductSearch
{
    private const string ValidStars = "(CASE WHEN p.ocop_expires_on >= @today THEN p.ocop_stars END)";

    protected abstract SqlDialect Dialect { get; }

    protected abstract DbConnection CreateConnection();

    /// <summary>Adds the full-text parameters the dialect's match and score refer to.</summary>
    protected abstract void AddMatchParameters(DbCommand command, IReadOnlyList<SearchTerm> terms);

    protected abstract object DateValue(DateOnly day);

    protected abstract string SuggestSql { get; }

    protected abstract void AddSuggestParameters(DbCommand command, IReadOnlyList<string> foldedWords);

    public async Task<ProductSearchResult> SearchAsync(ProductSearchQuery query, CancellationToken cancellationToken)
    {
        var terms = await SearchTerm.WithTyposAsync(SearchTerm.Parse(query.Text), vocabulary, cancellationToken);
        var hasText = terms.Count > 0;
        var from = new StringBuilder("FROM search_products p ");
        from.Append(hasText ? Dialect.MatchJoin + " WHERE " + Dialect.MatchCondition : "WHERE 1 = 1");
        AppendFilters(from, query);

        // One round trip: the facets (whose province counts add up to the total) from one pass over the matches, then the page.
        var sql = $"""
            WITH m AS MATERIALIZED (SELECT p.province_code, p.province_name, p.category, {ValidStars} AS stars {from})
            SELECT 0, province_code, province_name, count(*) FROM m GROUP BY province_code, province_name
            UNION ALL SELECT 1, category, category, count(*) FROM m GROUP BY category
            UNION ALL SELECT 2, CAST(stars AS TEXT), CAST(stars AS TEXT), count(*) FROM m WHERE stars IS NOT NULL GROUP BY stars;
            SELECT p.product_id, p.slug, p.name, p.price, p.unit, p.net_weight_grams, p.in_stock, {ValidStars},
                   p.cooperative_slug, p.cooperative_name, p.province_code, p.province_name, p.category, p.cover_photo, p.name_en
            {from}
            ORDER BY {OrderBy(query.Sort, hasText)}
            LIMIT @take OFFSET @skip
            """;
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, sql);
        Add(command, "today", DateValue(query.Today));
        if (hasText)
        {
            AddMatchParameters(command, terms);
        }
        AddFilterParameters(command, query);
        Add(command, "take", query.PageSize);
        Add(command, "skip", (query.Page - 1) * query.PageSize);

        var facets = new List<FacetCount>[] { [], [], [] };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facets[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)].Add(new FacetCount(
                reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        var items = new List<SearchHit>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadHit(reader));
        }
        return new ProductSearchResult(items, facets[0].Sum(f => f.Count), new SearchFacets(
            facets[0].OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            facets[1].OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            facets[2].OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList()));
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var words = SearchTerm.Parse(prefix).Select(t => t.Folded).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, SuggestSql);
        AddSuggestParameters(command, words);
        Add(command, "take", limit);
        var suggestions = new List<Suggestion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            suggestions.Add(new Suggestion(reader.GetString(0), reader.GetString(1)));
        }
        return suggestions;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static void AppendFilters(StringBuilder sql, ProductSearchQuery query)
    {
        if (query.ProvinceCode is not null)
        {
            sql.Append(" AND p.province_code = @province");
        }
        if (query.Category is not null)
        {
            sql.Append(" AND p.category = @category");
        }
        if (query.MinStars is not null)
        {
            sql.Append(" AND ").Append(ValidStars).Append(" >= @minStars");
        }
        if (query.MinPriceDong is not null)
        {
            sql.Append(" AND p.price >= @minPrice");
        }
        if (query.MaxPriceDong is not null)
        {
            sql.Append(" AND p.price <= @maxPrice");
        }
        if (query.InStockOnly)
        {
            sql.Append(" AND p.in_stock = @inStock");
        }
    }

    private void AddFilterParameters(DbCommand command, ProductSearchQuery query)
    {
        if (query.ProvinceCode is not null)
        {
            Add(command, "province", query.ProvinceCode);
        }
        if (query.Category is { } category)
        {
            Add(command, "category", category.ToString());
        }
        if (query.MinStars is { } minStars)
        {
            Add(command, "minStars", minStars);
        }
        if (query.MinPriceDong is { } minPrice)
        {
            Add(command, "minPrice", minPrice);
        }
        if (query.MaxPriceDong is { } maxPrice)
        {
            Add(command, "maxPrice", maxPrice);
        }
        if (query.InStockOnly)
        {
            Add(command, "inStock", true);
        }
    }

    /// <summary>Relevance: text score (lower is better), lifted for products in stock and with a valid OCOP certificate.</summary>
    private string OrderBy(SearchSort sort, bool hasText) => sort switch
    {
        SearchSort.PriceAscending => $"p.price, {Dialect.NameSort}, p.product_id",
        SearchSort.PriceDescending => $"p.price DESC, {Dialect.NameSort}, p.product_id",
        SearchSort.Newest => $"p.published_at DESC, {Dialect.NameSort}, p.product_id",
        _ when hasText => $"({Dialect.Score}) * (1.0 + 0.25 * (CASE WHEN p.in_stock THEN 1 ELSE 0 END) + 0.25 * (CASE WHEN {ValidStars} IS NULL THEN 0 ELSE 1 END)), {Dialect.NameSort}, p.product_id",
        _ => $"COALESCE({ValidStars}, 0) DESC, CASE WHEN p.in_stock THEN 0 ELSE 1 END, {Dialect.NameSort}, p.product_id",
    };

    private static SearchHit ReadHit(DbDataReader reader) => new(
        reader.GetFieldValue<Guid>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt32(5),
        reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11), reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14));

    [SuppressMessage("Security", "CA2100", Justification = "Statements are assembled from constants and the dialect; every value is a parameter.")]
    private static DbCommand CreateCommand(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
