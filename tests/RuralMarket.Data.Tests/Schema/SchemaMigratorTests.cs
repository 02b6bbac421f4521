using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Outbox;
using RuralMarket.Data.Schema;

namespace RuralMarket.Data.Tests.Schema;

public abstract class SchemaMigratorTests(DatabaseKind kind)
{
    [ServiceFact]
    public async Task Migrators_started_together_leave_one_schema_with_each_script_applied_once()
    {
        await using var platform = await TestPlatform.StartAsync(kind, migrate: false);
        var migrator = platform.Services.GetRequiredService<SchemaMigrator>();
        Assert.NotEmpty(await migrator.PendingAsync(CancellationToken.None));

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => migrator.MigrateAsync(CancellationToken.None))));

        Assert.Equal(migrator.Scripts.Count, applied.Sum());
        Assert.Empty(await migrator.PendingAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
        await using var db = platform.NewContext();
        var versions = await db.Database.SqlQueryRaw<int>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync();
        Assert.Equal(migrator.Scripts.Select(s => s.Version), versions.Order());
        Assert.Equal(0, await db.Products.CountAsync());
    }

    [ServiceFact]
    public async Task A_script_edited_after_it_was_applied_stops_the_migration()
    {
        await using var platform = await TestPlatform.StartAsync(kind);
        await using (var db = platform.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            platform.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None));
        Assert.Contains("0001_initial.sql was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task Migration_9_gives_messages_waiting_under_a_class_name_their_event_name_and_leaves_the_rest()
    {
        await using var platform = await TestPlatform.StartAsync(kind);
        var migrator = platform.Services.GetRequiredService<SchemaMigrator>();
        var waiting = new OutboxMessage(Guid.NewGuid(), "ProductChanged", "{}", platform.Clock.GetUtcNow());
        var named = new OutboxMessage(Guid.NewGuid(), "orders.placed", "{}", platform.Clock.GetUtcNow());
        var unknown = new OutboxMessage(Guid.NewGuid(), "SomethingElse", "{}", platform.Clock.GetUtcNow());
        await using (var db = platform.NewContext())
        {
            db.OutboxMessages.AddRange(waiting, named, unknown);
            await db.SaveChangesAsync();
            // What 0009 does to a database written before it: the rows above stand for messages left by the old code.
            await db.Database.ExecuteSqlRawAsync(migrator.Scripts.Single(s => s.Version == 9).Sql);
        }

        await using var read = platform.NewContext();
        var types = await read.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Type);
        Assert.Equal("catalog.product-changed", types[waiting.Id]);
        Assert.Equal("orders.placed", types[named.Id]);
        Assert.Equal("SomethingElse", types[unknown.Id]);
    }

    /// <summary>The EF model, the SQLite script and the PostgreSQL script describe the same columns.</summary>
    [ServiceFact]
    public async Task The_ef_model_and_the_schema_scripts_agree_on_every_column()
    {
        await using var platform = await TestPlatform.StartAsync(kind);
        await using var db = platform.NewContext();
        var model = db.Model.GetEntityTypes()
            .SelectMany(entity =>
            {
                var table = entity.GetTableName()!;
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null);
                return entity.GetProperties().Select(p => $"{table}.{p.GetColumnName(store)} {(p.IsColumnNullable(store) ? "null" : "not null")}");
            })
            .Distinct()
            .Order()
            .ToList();

        // schema_migrations belongs to the migrator, search_* to the search adapters, orleans* to Orleans' ADO.NET
        // membership and reminders (PostgreSQL only): none is in the EF model.
        var database = (await ColumnsAsync(db))
            .Where(c => !c.StartsWith("schema_migrations.", StringComparison.Ordinal) && !c.StartsWith("search_", StringComparison.Ordinal)
                && !c.StartsWith("orleans", StringComparison.Ordinal))
            .Order()
            .ToList();

        Assert.Equal(model, database);
    }

    private async Task<List<string>> ColumnsAsync(RuralMarketDbContext db)
    {
        var sql = kind == DatabaseKind.Postgres
            ? "SELECT table_name || '.' || column_name || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END FROM information_schema.columns WHERE table_schema = current_schema()"
            : "SELECT m.name || '.' || c.name || CASE WHEN c.\"notnull\" = 1 OR c.pk = 1 THEN ' not null' ELSE ' null' END FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }
}

public sealed class SqliteSchemaMigratorTests() : SchemaMigratorTests(DatabaseKind.Sqlite);

public sealed class PostgresSchemaMigratorTests() : SchemaMigratorTests(DatabaseKind.Postgres), IUsesPostgres;
