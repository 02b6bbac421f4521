using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RuralMarket.Data.Sqlite;

/// <summary>
/// Every SQLite connection runs in WAL mode with <c>synchronous=NORMAL</c>: a commit is safe when the process dies
/// (kill -9 included) and the file never corrupts; only a power cut or OS crash can lose the last commits. With
/// <c>FULL</c> every commit waits for a disk flush, and grains commit one aggregate at a time.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        command.ExecuteNonQuery();
    }
}
