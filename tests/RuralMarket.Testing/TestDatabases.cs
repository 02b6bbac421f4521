using Microsoft.Data.Sqlite;
using Npgsql;

namespace RuralMarket.Testing;

/// <summary>New, empty databases for one test: a temporary SQLite file, or a fresh database on the test PostgreSQL server.</summary>
public static class TestDatabases
{
    /// <summary>Returns the connection string and a function that deletes the database again.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateAsync(DatabaseKind kind) =>
        kind == DatabaseKind.Sqlite ? NewSqliteFile() : await NewPostgresDatabaseAsync();

    private static (string, Func<Task>) NewSqliteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "ruralmarket-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        return (connectionString, () =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
            return Task.CompletedTask;
        });
    }

    private static async Task<(string, Func<Task>)> NewPostgresDatabaseAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.Require());
        var name = $"rm_test_{Guid.NewGuid():N}";
        await AdminAsync(server, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name };
        return (database.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Database names are generated GUIDs.")]
    private static async Task AdminAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
