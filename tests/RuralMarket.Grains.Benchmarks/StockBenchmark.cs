using System.Collections.Concurrent;
using System.Diagnostics;

namespace RuralMarket.Grains.Benchmarks;

/// <summary>One hot product: units to sell, one reservation of one unit at a time, and what is left.</summary>
internal sealed record HotProduct(Func<Task<bool>> ReserveOne, Func<Task<int>> StockLeft);

/// <summary>One line of the table: a database, a path to the stock, a number of callers, medians of the rounds.</summary>
internal sealed record BenchmarkRow(string Database, string Path, int Callers, double PerSecond, double P50, double P99, int Oversold);

/// <summary>
/// Many buyers after one product: each caller reserves one unit at a time until the round's stock is gone, plus one
/// refused attempt per caller. Rounds run on a new hot product each. Warm-up rounds (the JIT, tiered compilation,
/// the pools, the grain's activation) run for <see cref="WarmUp"/> and are not counted.
/// </summary>
internal static class StockBenchmark
{
    /// <summary>Long enough for tiered compilation to settle: measured rounds kept getting faster for about 8 s.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    private const int MaxWarmUpRounds = 10;

    public static async Task<BenchmarkRow> RunAsync(string database, string path, int callers, int reservations, int rounds, Func<Task<HotProduct>> newHotProduct)
    {
        var warming = Stopwatch.StartNew();
        var warmUpRounds = 0;
        while (warmUpRounds == 0 || (warming.Elapsed < WarmUp && warmUpRounds < MaxWarmUpRounds))
        {
            await RoundAsync(await newHotProduct(), callers, reservations);
            warmUpRounds++;
        }
        var results = new List<Round>();
        for (var round = 1; round <= rounds; round++)
        {
            var result = await RoundAsync(await newHotProduct(), callers, reservations);
            results.Add(result);
            Console.WriteLine($"{database} {path} {callers} callers, round {round} (after {warmUpRounds} warm-up rounds): {result.PerSecond:0} reservations/s, stock left {result.StockLeft}, refused {result.Refused}");
        }
        return new BenchmarkRow(database, path, callers, Median(results.Select(r => r.PerSecond)), Median(results.Select(r => r.P50)),
            Median(results.Select(r => r.P99)), results.Max(r => r.Oversold));
    }

    private sealed record Round(double PerSecond, double P50, double P99, int Oversold, int StockLeft, int Refused);

    private static async Task<Round> RoundAsync(HotProduct product, int callers, int reservations)
    {
        var latencies = new ConcurrentBag<double>();
        var issued = 0;
        var refused = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            // One more attempt than there are units: the last callers must be refused, never served.
            while (Interlocked.Increment(ref issued) <= reservations + callers)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await product.ReserveOne())
                {
                    Interlocked.Increment(ref refused);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var stock = await product.StockLeft();
        var served = reservations + callers - refused;
        var oversold = Math.Max(0, served - reservations) + Math.Max(0, -stock);
        var sorted = latencies.Order().ToArray();
        return new Round(served / seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), oversold, stock, refused);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
