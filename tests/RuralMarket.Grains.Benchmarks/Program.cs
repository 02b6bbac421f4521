using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Grains.Benchmarks;
using RuralMarket.Grains.Hosting;
using RuralMarket.Testing;

// Usage: dotnet run -c Release --project tests/RuralMarket.Grains.Benchmarks -- [reservations per round] [rounds]
var reservations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
int[] callerCounts = [8, 200];
const string Grain = "Grain", Update = "UPDATE", Http = "HTTP checkout";
var kinds = PostgresServer.ConnectionString is null ? new[] { DatabaseKind.Sqlite } : [DatabaseKind.Sqlite, DatabaseKind.Postgres];
if (kinds.Length == 1)
{
    Console.WriteLine($"PostgreSQL skipped: {PostgresServer.Variable} is not set (scripts/benchmark-stock.sh starts one).");
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; one hot product, {reservations:N0} reservations of 1 unit per round, {rounds} rounds after {StockBenchmark.WarmUp.TotalSeconds:0} s of warm-up rounds, medians shown.");

var rows = new List<BenchmarkRow>();
foreach (var kind in kinds)
{
    var database = kind == DatabaseKind.Sqlite ? "SQLite" : "PostgreSQL";
    await using var platform = await TestPlatform.StartAsync(kind, builder =>
    {
        if (kind == DatabaseKind.Sqlite)
        {
            // As the app runs it: pooled connections (the test databases turn pooling off to delete their files).
            var pooled = new SqliteConnectionStringBuilder(builder.Configuration["ConnectionStrings:RuralMarket"]) { Pooling = true };
            builder.Configuration["ConnectionStrings:RuralMarket"] = pooled.ToString();
        }
        builder.Configuration["Orleans:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        builder.Configuration["Orleans:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        builder.AddGrainSilo();
    });
    await platform.RunHostAsync();
    var paths = new InProcessPaths(platform, platform.Services.GetRequiredService<IGrainFactory>());
    foreach (var callers in callerCounts)
    {
        rows.Add(await StockBenchmark.RunAsync(database, Grain, callers, reservations, rounds, paths.Grain(reservations)));
        rows.Add(await StockBenchmark.RunAsync(database, Update, callers, reservations, rounds, paths.ConditionalUpdate(reservations)));
    }
}
await using (var embedded = await EmbeddedDefault.StartAsync())
{
    foreach (var callers in callerCounts)
    {
        rows.Add(await StockBenchmark.RunAsync("SQLite", Http, callers, reservations, rounds, embedded.Checkout(reservations)));
    }
}

Console.WriteLine();
Console.WriteLine("| database | path | callers | reservations/s | p50 ms | p99 ms | oversold | 200/8 | against UPDATE |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var row in rows)
{
    var eight = rows.Single(r => r.Database == row.Database && r.Path == row.Path && r.Callers == callerCounts[0]);
    var update = rows.Single(r => r.Database == row.Database && r.Path == Update && r.Callers == row.Callers);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Database} | {row.Path} | {row.Callers} | {row.PerSecond:N0} | {row.P50:0.00} | {row.P99:0.00} | {row.Oversold} | {(row.Callers == callerCounts[0] ? "" : Ratio(row.PerSecond / eight.PerSecond))} | {(row.Path == Update ? "baseline" : Ratio(row.PerSecond / update.PerSecond))} |"));
}
return rows.Any(r => r.Oversold != 0) ? 1 : 0;

static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
