using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Domain.Catalog;
using RuralMarket.Search;
using RuralMarket.Search.Benchmarks;
using RuralMarket.Silo;
using RuralMarket.Testing;

// Usage: dotnet run -c Release --project tests/RuralMarket.Search.Benchmarks -- [products] [rounds]
var products = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var kinds = PostgresServer.ConnectionString is null ? new[] { DatabaseKind.Sqlite } : [DatabaseKind.Postgres, DatabaseKind.Sqlite];
if (kinds.Length == 1)
{
    Console.WriteLine($"PostgreSQL skipped: {PostgresServer.Variable} is not set (scripts/benchmark-search.sh starts one).");
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {products:N0} products, {rounds} rounds.");

var results = new Dictionary<DatabaseKind, SearchBenchmark.Result>();
foreach (var kind in kinds)
{
    await using var platform = await TestPlatform.StartAsync(kind, builder =>
    {
        builder.Configuration["Silo:Enabled"] = "false";
        builder.AddSiloServices();
        builder.AddSearch();
    });
    results[kind] = await SearchBenchmark.RunAsync(kind, platform.Services.GetRequiredService<ISearchIndex>(),
        platform.Services.GetRequiredService<IProductSearch>(), products, rounds);
}

Console.WriteLine();
Console.WriteLine("| provider | index build | p50 ms | p95 ms | p99 ms | queries/s (1 thread) | p95 by kind: single / two words / typo / filter+facets |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
foreach (var (kind, r) in results)
{
    Console.WriteLine($"| {kind} | {r.IndexSeconds:0.0} s | {r.P50:0.00} | {r.P95:0.00} | {r.P99:0.00} | {r.QueriesPerSecond:0} | {string.Join(" / ", r.P95ByKind.Select(p => p.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} |");
}
if (results.TryGetValue(DatabaseKind.Postgres, out var baseline) && results.TryGetValue(DatabaseKind.Sqlite, out var sqlite))
{
    Console.WriteLine();
    Console.WriteLine($"SQLite / PostgreSQL (baseline): p50 {sqlite.P50 / baseline.P50:0.00}×, p95 {sqlite.P95 / baseline.P95:0.00}×, index build {sqlite.IndexSeconds / baseline.IndexSeconds:0.00}×");
}

internal static class SearchBenchmark
{
    internal sealed record Result(double IndexSeconds, double P50, double P95, double P99, double QueriesPerSecond, double[] P95ByKind);

    private static readonly string[][] QueryKinds =
    [
        ["mien", "gao", "tra", "mat", "ca", "hat", "tieu", "banh", "nuoc", "vai"],
        ["mat ong", "gao nep", "che shan", "ca phe", "nuoc mam", "hat sen", "mang kho", "tieu den", "mien dong", "vai thieu"],
        ["mat ongg", "vai thieuu", "mein dong", "nuoc mamm", "ca phee", "hat senn", "tieu denn", "gao st255", "che shann", "banh trangg"],
        ["tra", "gao", "mat ong", "ca phe", "hat sen", "mien", "tieu", "vai", "nuoc mam", "banh"],
    ];

    public static async Task<Result> RunAsync(DatabaseKind kind, ISearchIndex index, IProductSearch search, int products, int rounds)
    {
        Console.Write($"{kind}: building the index… ");
        var build = Stopwatch.StartNew();
        foreach (var batch in GeneratedCatalogue.Generate(products).Chunk(1_000))
        {
            await index.UpsertAsync(batch, CancellationToken.None);
        }
        build.Stop();
        Console.WriteLine($"{build.Elapsed.TotalSeconds:0.0} s");

        var today = new DateOnly(2026, 11, 22);
        var provinces = new[] { "TN", "HP", "DT", "LC", "AG", "DL", "SL", "CT" };
        var queries = QueryKinds.SelectMany((texts, k) => texts.Select((text, i) => (Kind: k, Query: k == 3
            ? new ProductSearchQuery { Text = text, ProvinceCode = provinces[i % provinces.Length], MinStars = 4, Category = ProductCategory.Food, Today = today }
            : new ProductSearchQuery { Text = text, Today = today }))).ToList();

        foreach (var (_, query) in queries)
        {
            await search.SearchAsync(query, CancellationToken.None); // warm caches and plans
        }
        var roundResults = new List<(double P50, double P95, double P99, double Qps, double[] ByKind)>();
        for (var round = 0; round < rounds; round++)
        {
            var timings = new List<(int Kind, double Ms)>();
            var total = Stopwatch.StartNew();
            for (var repeat = 0; repeat < 5; repeat++)
            {
                foreach (var (k, query) in queries)
                {
                    var one = Stopwatch.StartNew();
                    await search.SearchAsync(query, CancellationToken.None);
                    timings.Add((k, one.Elapsed.TotalMilliseconds));
                }
            }
            total.Stop();
            var all = timings.Select(t => t.Ms).Order().ToArray();
            var byKind = Enumerable.Range(0, QueryKinds.Length).Select(k => Percentile(timings.Where(t => t.Kind == k).Select(t => t.Ms).Order().ToArray(), 0.95)).ToArray();
            roundResults.Add((Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), timings.Count / total.Elapsed.TotalSeconds, byKind));
        }
        // Median of the rounds for each figure.
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        return new Result(build.Elapsed.TotalSeconds,
            Median(roundResults.Select(r => r.P50)), Median(roundResults.Select(r => r.P95)), Median(roundResults.Select(r => r.P99)),
            Median(roundResults.Select(r => r.Qps)),
            Enumerable.Range(0, QueryKinds.Length).Select(k => Median(roundResults.Select(r => r.ByKind[k]))).ToArray());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
