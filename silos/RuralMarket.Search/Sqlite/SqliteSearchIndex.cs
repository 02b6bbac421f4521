using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Sqlite;

namespace RuralMarket.Search.Sqlite;

/// <summary>Writes the SQLite FTS5 index: one row in <c>search_products</c> and its twin, by rowid, in <c>search_products_fts</c>.</summary>
internal sealed class SqliteSearchIndex(DatabaseOptions database, SqliteTermVocabulary vocabulary) : ISearchIndex
{
    public async Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }
        using var turn = await SqliteWriterTurns.TakeAsync(database.ConnectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var document in documents)
        {
            await WriteAsync(connection, transaction, document, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        vocabulary.Invalidate();
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
        {
            return;
        }
        using var turn = await SqliteWriterTurns.TakeAsync(database.ConnectionString, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var id in productIds)
        {
            await DeleteAsync(connection, transaction, Key(id), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        vocabulary.Invalidate();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM search_products";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rewrites every document in place, batch by batch (searches go on meanwhile), then removes the rest.</summary>
    public async Task ReindexAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await UpsertAsync(batch, cancellationToken);
            seen.UnionWith(batch.Select(d => Key(d.ProductId)));
            written += batch.Count;
            progress.Report(written);
        }
        var stale = new List<string>();
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await foreach (var key in KeysAsync(connection, cancellationToken))
            {
                if (!seen.Contains(key))
                {
                    stale.Add(key);
                }
            }
        }
        await RemoveAsync(stale.Select(Guid.Parse).ToList(), cancellationToken);
    }

    private static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, SearchDocument d, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO search_products (product_id, slug, name, name_sort, category, unit, net_weight_grams, price, in_stock,
                ocop_stars, ocop_expires_on, published_at, cooperative_slug, cooperative_name, province_code, province_name, cover_photo, name_en)
            VALUES (@id, @slug, @name, @nameSort, @category, @unit, @weight, @price, @inStock,
                @stars, @expires, @published, @coopSlug, @coopName, @provinceCode, @provinceName, @photo, @nameEn)
            ON CONFLICT (product_id) DO UPDATE SET slug = excluded.slug, name = excluded.name, name_sort = excluded.name_sort,
                category = excluded.category, unit = excluded.unit, net_weight_grams = excluded.net_weight_grams, price = excluded.price,
                in_stock = excluded.in_stock, ocop_stars = excluded.ocop_stars, ocop_expires_on = excluded.ocop_expires_on,
                published_at = excluded.published_at, cooperative_slug = excluded.cooperative_slug, cooperative_name = excluded.cooperative_name,
                province_code = excluded.province_code, province_name = excluded.province_name, cover_photo = excluded.cover_photo, name_en = excluded.name_en
            RETURNING rowid
            """;
        upsert.Parameters.AddWithValue("@id", Key(d.ProductId));
        upsert.Parameters.AddWithValue("@slug", d.Slug);
        upsert.Parameters.AddWithValue("@name", d.Name);
        upsert.Parameters.AddWithValue("@nameSort", d.NameFolded);
        upsert.Parameters.AddWithValue("@category", d.Category);
        upsert.Parameters.AddWithValue("@unit", d.Unit);
        upsert.Parameters.AddWithValue("@weight", d.NetWeightGrams);
        upsert.Parameters.AddWithValue("@price", d.PriceDong);
        upsert.Parameters.AddWithValue("@inStock", d.InStock);
        upsert.Parameters.AddWithValue("@stars", (object?)d.OcopStars ?? DBNull.Value);
        upsert.Parameters.AddWithValue("@expires", (object?)d.OcopExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
        upsert.Parameters.AddWithValue("@published", d.PublishedAt.UtcTicks);
        upsert.Parameters.AddWithValue("@coopSlug", d.CooperativeSlug);
        upsert.Parameters.AddWithValue("@coopName", d.CooperativeName);
        upsert.Parameters.AddWithValue("@provinceCode", d.ProvinceCode);
        upsert.Parameters.AddWithValue("@provinceName", d.ProvinceName);
        upsert.Parameters.AddWithValue("@photo", (object?)d.CoverPhoto ?? DBNull.Value);
        upsert.Parameters.AddWithValue("@nameEn", d.EnglishName.Length == 0 ? DBNull.Value : d.EnglishName);
        var rowid = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;

        await using var text = connection.CreateCommand();
        text.Transaction = transaction;
        text.CommandText = """
            DELETE FROM search_products_fts WHERE rowid = @rowid;
            INSERT INTO search_products_fts (rowid, name_folded, body_folded, name_exact, body_exact) VALUES (@rowid, @nameFolded, @bodyFolded, @name, @body);
            """;
        text.Parameters.AddWithValue("@rowid", rowid);
        text.Parameters.AddWithValue("@nameFolded", d.SearchedNameFolded);
        text.Parameters.AddWithValue("@bodyFolded", d.BodyFolded);
        text.Parameters.AddWithValue("@name", d.SearchedName);
        text.Parameters.AddWithValue("@body", d.Body);
        await text.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM search_products_fts WHERE rowid = (SELECT rowid FROM search_products WHERE product_id = @id);
            DELETE FROM search_products WHERE product_id = @id;
            """;
        command.Parameters.AddWithValue("@id", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<string> KeysAsync(SqliteConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT product_id FROM search_products";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    /// <summary>The same text form EF Core uses for GUIDs on SQLite.</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
