using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Data.Schema;

/// <summary>
/// Applies the numbered SQL scripts under <c>Schema/{Provider}/</c> in order and records each in
/// <c>schema_migrations</c> with its checksum. Safe when several processes start at once: PostgreSQL
/// serialises them on an advisory lock, SQLite on a write transaction taken before anything is read.
/// </summary>
public sealed class SchemaMigrator(DatabaseOptions options, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private const long PostgresLockKey = 0x52_4D_5343_4845_4D41; // "RMSCHEMA"

    public IReadOnlyList<SchemaScript> Scripts { get; } = SchemaScript.For(options.Provider);

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
            try
            {
                return await ApplyPendingAsync(connection, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        return await ApplyPendingAsync(connection, cancellationToken);
    }

    /// <summary>The scripts not yet applied; empty when the database is up to date.</summary>
    public async Task<IReadOnlyList<SchemaScript>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var applied = await AppliedAsync(connection, null, cancellationToken);
        return Scripts.Where(s => !applied.ContainsKey(s.Version)).ToList();
    }

    private async Task<int> ApplyPendingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var script in Scripts)
        {
            // One transaction per script; on SQLite BeginTransaction takes the write lock (BEGIN IMMEDIATE)
            // before the check, so a second process waits here and then sees the script as applied.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            await ExecuteAsync(connection, transaction, HistoryTableSql, cancellationToken);
            var applied = await AppliedAsync(connection, transaction, cancellationToken);
            if (applied.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Schema script {script.Name} was changed after it was applied (checksum {checksum} in the database, {script.Checksum} now). Add a new numbered script instead.");
                }
                continue;
            }
            logger.LogInformation("Applying schema script {Script}", script.Name);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)";
                AddParameter(record, "version", script.Version);
                AddParameter(record, "name", script.Name);
                AddParameter(record, "checksum", script.Checksum);
                AddParameter(record, "appliedAt", clock.GetUtcNow().ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private const string HistoryTableSql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name varchar(200) NOT NULL, checksum varchar(64) NOT NULL, applied_at varchar(40) NOT NULL)";

    private async Task<Dictionary<int, string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        var exists = options.Provider == DatabaseProvider.Postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        await using (var probe = connection.CreateCommand())
        {
            probe.Transaction = transaction;
            probe.CommandText = exists;
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return applied;
            }
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, checksum FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    private DbConnection Open() => options.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(options.ConnectionString)
        : new SqliteConnection(options.ConnectionString);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only embedded schema scripts and constants reach here, never input.")]
    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>One numbered script, e.g. <c>0001_initial.sql</c>, embedded in this assembly.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql, string Checksum)
{
    public static IReadOnlyList<SchemaScript> For(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Schema/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var sql = reader.ReadToEnd();
                var name = n[prefix.Length..];
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
                return new SchemaScript(version, name, sql, checksum);
            })
            .OrderBy(s => s.Version)
            .ToList();
    }
}
