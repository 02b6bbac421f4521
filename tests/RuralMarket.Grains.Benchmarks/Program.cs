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
var kinds = PostgresServer.ConnectionString is null ? new[] { DatabaseKind.Sqlite } : [DatabaseKind.Sqlite, DatabaseKind.Postgres];
if (kinds.Length == 1)
{
    Console.WriteLine($"PostgreSQL skipped: {PostgresServer.Variable} is not set (scripts/benchmark-stock.sh starts one).");
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; one hot product, {reservations:N0} reservations of 1 unit per round, {rounds} rounds, medians shown.");

var rows = new List<StockBenchmark.Row>();
foreach (var kind in kinds)
{
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
    var benchmark = new StockBenchmark(platform, platform.Services.GetRequiredService<IGrainFactory>());
    foreach (var callers in callerCounts)
    {
        rows.Add(await benchmark.RunAsync(StockBenchmark.Path.Grain, callers, reservations, rounds));
        rows.Add(await benchmark.RunAsync(StockBenchmark.Path.ConditionalUpdate, callers, reservations, rounds));
    }
}

Console.WriteLine();
Console.WriteLine("| database | path | callers | reservations/s | p50 ms | p99 ms | oversold | 200/8 | grain/UPDATE |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var row in rows)
{
    var eight = rows.Single(r => r.Kind == row.Kind && r.Path == row.Path && r.Callers == callerCounts[0]);
    var update = rows.Single(r => r.Kind == row.Kind && r.Path == StockBenchmark.Path.ConditionalUpdate && r.Callers == row.Callers);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Kind} | {row.Path} | {row.Callers} | {row.PerSecond:0} | {row.P50:0.00} | {row.P99:0.00} | {row.Oversold} | {(row.Callers == callerCounts[0] ? "" : (row.PerSecond / eight.PerSecond).ToString("0.00x", CultureInfo.InvariantCulture))} | {(row.Path == StockBenchmark.Path.Grain ? (row.PerSecond / update.PerSecond).ToString("0.00x", CultureInfo.InvariantCulture) : "baseline")} |"));
}
return rows.Any(r => r.Oversold != 0) ? 1 : 0;
