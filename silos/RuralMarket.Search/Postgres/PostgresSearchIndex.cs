using Npgsql;
using NpgsqlTypes;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Search.Postgres;

/// <summary>Writes the PostgreSQL index; the folded and exact tsvectors are generated columns, so only plain values are sent.</summary>
internal sealed class PostgresSearchIndex(NpgsqlDataSource dataSource) : ISearchIndex
{
    public async Task UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO search_products (product_id, slug, name, body, category, unit, net_weight_grams, price, in_stock,
                ocop_stars, ocop_expires_on, published_at, cooperative_slug, cooperative_name, province_code, province_name, cover_photo, name_en)
            SELECT * FROM unnest(@id, @slug, @name, @body, @category, @unit, @weight, @price, @inStock,
                @stars, @expires, @published, @coopSlug, @coopName, @provinceCode, @provinceName, @photo, @nameEn)
            ON CONFLICT (product_id) DO UPDATE SET slug = excluded.slug, name = excluded.name, body = excluded.body,
                category = excluded.category, unit = excluded.unit, net_weight_grams = excluded.net_weight_grams, price = excluded.price,
                in_stock = excluded.in_stock, ocop_stars = excluded.ocop_stars, ocop_expires_on = excluded.ocop_expires_on,
                published_at = excluded.published_at, cooperative_slug = excluded.cooperative_slug, cooperative_name = excluded.cooperative_name,
                province_code = excluded.province_code, province_name = excluded.province_name, cover_photo = excluded.cover_photo, name_en = excluded.name_en
            """, connection, transaction))
        {
            Column(upsert, "id", documents.Select(d => d.ProductId), NpgsqlDbType.Uuid);
            Column(upsert, "slug", documents.Select(d => d.Slug), NpgsqlDbType.Text);
            Column(upsert, "name", documents.Select(d => d.Name), NpgsqlDbType.Text);
            Column(upsert, "body", documents.Select(d => d.Body), NpgsqlDbType.Text);
            Column(upsert, "category", documents.Select(d => d.Category), NpgsqlDbType.Text);
            Column(upsert, "unit", documents.Select(d => d.Unit), NpgsqlDbType.Text);
            Column(upsert, "weight", documents.Select(d => d.NetWeightGrams), NpgsqlDbType.Integer);
            Column(upsert, "price", documents.Select(d => d.PriceDong), NpgsqlDbType.Bigint);
            Column(upsert, "inStock", documents.Select(d => d.InStock), NpgsqlDbType.Boolean);
            Column(upsert, "stars", documents.Select(d => d.OcopStars), NpgsqlDbType.Integer);
            Column(upsert, "expires", documents.Select(d => d.OcopExpiresOn), NpgsqlDbType.Date);
            Column(upsert, "published", documents.Select(d => d.PublishedAt.ToUniversalTime()), NpgsqlDbType.TimestampTz);
            Column(upsert, "coopSlug", documents.Select(d => d.CooperativeSlug), NpgsqlDbType.Text);
            Column(upsert, "coopName", documents.Select(d => d.CooperativeName), NpgsqlDbType.Text);
            Column(upsert, "provinceCode", documents.Select(d => d.ProvinceCode), NpgsqlDbType.Text);
            Column(upsert, "provinceName", documents.Select(d => d.ProvinceName), NpgsqlDbType.Text);
            Column(upsert, "photo", documents.Select(d => d.CoverPhoto), NpgsqlDbType.Text);
            Column(upsert, "nameEn", documents.Select(d => d.EnglishName.Length == 0 ? null : d.EnglishName), NpgsqlDbType.Text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        var terms = documents
            .SelectMany(d => VietnameseText.Words(d.SearchedName + " " + d.Body))
            .Select(VietnameseText.Fold)
            .Where(t => t.Length is > 0 and <= 100 && t.All(char.IsAsciiLetterOrDigit))
            .Distinct()
            .ToArray();
        await using (var vocabulary = new NpgsqlCommand(
            "INSERT INTO search_terms (term) SELECT unnest(@terms) ON CONFLICT DO NOTHING", connection, transaction))
        {
            vocabulary.Parameters.AddWithValue("terms", terms);
            await vocabulary.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM search_products WHERE product_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", productIds.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM search_products");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rewrites every document in place, batch by batch (searches go on meanwhile), then removes the rest.</summary>
    public async Task ReindexAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var seen = new List<Guid>();
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await UpsertAsync(batch, cancellationToken);
            seen.AddRange(batch.Select(d => d.ProductId));
            progress.Report(seen.Count);
        }
        await using var prune = dataSource.CreateCommand("DELETE FROM search_products WHERE NOT (product_id = ANY(@ids))");
        prune.Parameters.AddWithValue("ids", seen.ToArray());
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Column<T>(NpgsqlCommand command, string name, IEnumerable<T> values, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}
