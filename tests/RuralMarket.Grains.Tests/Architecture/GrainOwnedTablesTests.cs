using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Tests.Architecture;

/// <summary>
/// DESIGN.md §4: nothing but a grain's storage (and the migrator) writes a grain-owned table. Reads the production
/// source (silos/, web/, seed/) for the ways code writes rows: EF's Add/Update/Remove/Attach on a grain-owned set or
/// aggregate, ExecuteUpdate/ExecuteDelete on one, and SQL that inserts, updates or deletes a grain-owned table.
/// The tables and sets come from the EF model itself, so a new aggregate is covered without editing this test.
/// </summary>
public sealed partial class GrainOwnedTablesTests
{
    /// <summary>Where grain state is written (the storage) or the schema made (the migrator, the mappings, the context itself).</summary>
    private static readonly string[] Allowed =
    [
        "silos/RuralMarket.Grains/Storage/",
        "silos/RuralMarket.Data/Schema/",
        "silos/RuralMarket.Data/RuralMarketDbContext.cs",
    ];

    [Fact]
    public void Nothing_outside_the_grain_storage_writes_a_grain_owned_table()
    {
        var root = Repository.Root;
        var files = new[] { "silos", "web", "seed" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => (Path: Path.GetRelativePath(root, path).Replace('\\', '/'), Text: File.ReadAllText(path)))
            .Where(f => !f.Path.Contains("/obj/", StringComparison.Ordinal) && !f.Path.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => f.Path.StartsWith(a, StringComparison.Ordinal)))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {root}");

        var offences = files.SelectMany(f => Offences(f.Text).Select(o => $"{f.Path}: {o}")).ToList();

        Assert.True(offences.Count == 0, "Grain-owned rows written outside the grains' storage:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_check_finds_each_kind_of_write_it_looks_for()
    {
        Assert.Single(Offences("db.Products.Add(product);"));
        Assert.Single(Offences("db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Cancelled));"));
        Assert.Single(Offences("db.Update(product);"));
        Assert.Single(Offences("\"UPDATE stock_reservations SET quantity = 0\""));
        Assert.Single(Offences("\"insert into products (id) values (@id)\""));
        Assert.Empty(Offences("db.Products.AsNoTracking().Where(p => p.Id == id).ToListAsync();"));
        Assert.Empty(Offences("db.ActivityLog.Add(entry);"));
        Assert.Empty(Offences("\"SELECT stock FROM products WHERE id = @id\""));
    }

    private static readonly Lazy<(string[] Sets, string[] Tables)> GrainOwned = new(() =>
    {
        using var db = new RuralMarketDbContext(new DbContextOptionsBuilder<RuralMarketDbContext>().UseSqlite("Data Source=:memory:").Options);
        var roots = db.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType));
        var owned = roots.SelectMany(r => PartsOf(r).Prepend(r));
        var sets = typeof(RuralMarketDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)
                && typeof(AggregateRoot).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]))
            .Select(p => p.Name).ToArray();
        return (sets, owned.Select(t => t.GetTableName()!).Distinct().ToArray());
    });

    /// <summary>What an aggregate holds, owned or not (a product's reservations): every navigation from it to a dependent, and theirs.</summary>
    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> PartsOf(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        type.GetNavigations().Where(n => !n.IsOnDependent).Select(n => n.TargetEntityType).SelectMany(part => PartsOf(part).Prepend(part));

    private static IEnumerable<string> Offences(string source)
    {
        var (sets, tables) = GrainOwned.Value;
        var setNames = string.Join('|', sets);
        var tableNames = string.Join('|', tables);
        foreach (Match write in Regex.Matches(source, $@"\.(?:{setNames})\s*\.\s*(?:Add|AddRange|Update|UpdateRange|Remove|RemoveRange|Attach|AttachRange)(?:Async)?\("))
        {
            yield return write.Value;
        }
        foreach (Match bulk in Regex.Matches(source, $@"\.(?:{setNames})\b[^;]*?\.Execute(?:Update|Delete)(?:Async)?\("))
        {
            yield return bulk.Value.Length > 80 ? bulk.Value[..80] + "…" : bulk.Value;
        }
        // A whole aggregate handed to the context: db.Update(product), db.Remove(order)…
        foreach (Match whole in UntypedWrite().Matches(source))
        {
            yield return whole.Value;
        }
        foreach (Match sql in Regex.Matches(source, $@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""?(?:{tableNames})\b", RegexOptions.IgnoreCase))
        {
            yield return sql.Value;
        }
    }

    [GeneratedRegex(@"\b(?:db|context|unitOfWork)\.(?:Update|UpdateRange|Remove|RemoveRange|Attach|AttachRange)\(")]
    private static partial Regex UntypedWrite();
}
