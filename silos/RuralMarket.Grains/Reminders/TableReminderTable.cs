using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Reminders;

namespace RuralMarket.Grains.Reminders;

/// <summary>
/// Orleans' reminder table on our own <c>grain_reminders</c> table, for the embedded default (SQLite) and any database
/// without Orleans' ADO.NET reminder queries. Each silo reads the reminders whose grain hash falls in its ring range;
/// the etag is a fresh value on every write, so a stale remove changes nothing. Every call waits for the schema.
/// </summary>
public sealed class TableReminderTable(IDbContextFactory<RuralMarketDbContext> contexts, DatabaseReadiness readiness, IOptions<ClusterOptions> cluster)
    : IReminderTable
{
    private string ServiceId => cluster.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var db = await OpenAsync();
        var key = grainId.ToString();
        return Data(await db.GrainReminders.AsNoTracking().Where(r => r.ServiceId == ServiceId && r.GrainId == key).ToListAsync());
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var db = await OpenAsync();
        var rows = db.GrainReminders.AsNoTracking().Where(r => r.ServiceId == ServiceId);
        rows = begin < end
            ? rows.Where(r => r.GrainHash > begin && r.GrainHash <= end)
            : rows.Where(r => r.GrainHash > begin || r.GrainHash <= end);
        return Data(await rows.ToListAsync());
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var db = await OpenAsync();
        var key = grainId.ToString();
        var row = await db.GrainReminders.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ServiceId == ServiceId && r.GrainId == key && r.ReminderName == reminderName);
        return row is null ? null : Entry(row);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var db = await OpenAsync();
        var key = entry.GrainId.ToString();
        var etag = Guid.NewGuid().ToString("N");
        var row = await db.GrainReminders.SingleOrDefaultAsync(r => r.ServiceId == ServiceId && r.GrainId == key && r.ReminderName == entry.ReminderName);
        if (row is null)
        {
            row = new GrainReminderRow { ServiceId = ServiceId, GrainId = key, ReminderName = entry.ReminderName };
            db.GrainReminders.Add(row);
        }
        row.GrainHash = entry.GrainId.GetUniformHashCode();
        row.StartAt = new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc));
        row.PeriodMs = (long)entry.Period.TotalMilliseconds;
        row.Etag = etag;
        await db.SaveChangesAsync();
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var db = await OpenAsync();
        var key = grainId.ToString();
        return await db.GrainReminders
            .Where(r => r.ServiceId == ServiceId && r.GrainId == key && r.ReminderName == reminderName && r.Etag == eTag)
            .ExecuteDeleteAsync() == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var db = await OpenAsync();
        await db.GrainReminders.Where(r => r.ServiceId == ServiceId).ExecuteDeleteAsync();
    }

    /// <summary>The table exists only once the schema is current; the silo itself starts without waiting for that.</summary>
    private async Task<RuralMarketDbContext> OpenAsync()
    {
        await readiness.Migrated;
        return await contexts.CreateDbContextAsync();
    }

    private static ReminderTableData Data(List<GrainReminderRow> rows) => new(rows.Select(Entry));

    private static ReminderEntry Entry(GrainReminderRow row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId, CultureInfo.InvariantCulture),
        ReminderName = row.ReminderName,
        StartAt = row.StartAt.UtcDateTime,
        Period = TimeSpan.FromMilliseconds(row.PeriodMs),
        ETag = row.Etag,
    };
}
