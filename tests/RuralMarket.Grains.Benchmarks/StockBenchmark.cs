using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Catalog;
using RuralMarket.Testing;

namespace RuralMarket.Grains.Benchmarks;

/// <summary>
/// Many buyers after one product: each caller reserves one unit at a time until the round's stock is gone. The grain
/// path is what checkout does (<see cref="IProductGrain.ReserveAsync"/>: a reservation row, stock and version in one
/// write); the baseline is the single conditional UPDATE the platform used before the grains (stock only).
/// </summary>
internal sealed class StockBenchmark(TestPlatform platform, IGrainFactory grains)
{
    public enum Path
    {
        Grain,
        ConditionalUpdate,
    }

    public sealed record Row(DatabaseKind Kind, Path Path, int Callers, double PerSecond, double P50, double P99, int Oversold);

    private int _products;

    public async Task<Row> RunAsync(Path path, int callers, int reservations, int rounds)
    {
        var results = new List<(double PerSecond, double P50, double P99, int Oversold)>();
        for (var round = 0; round < rounds + 1; round++)
        {
            var cooperative = await platform.AddCooperativeAsync($"htx-bench-{Interlocked.Increment(ref _products)}");
            var product = await platform.AddProductAsync(cooperative, $"hot-{_products}", stock: reservations);
            var reserve = path == Path.Grain ? GrainReservation(product.Id) : ConditionalUpdate(product.Id);
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
                    if (!await reserve())
                    {
                        Interlocked.Increment(ref refused);
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })));
            var seconds = watch.Elapsed.TotalSeconds;
            var stock = await StockAsync(product.Id);
            var oversold = Math.Max(0, reservations + callers - refused - reservations) + Math.Max(0, -stock);
            var sorted = latencies.Order().ToArray();
            if (round > 0)
            {
                // Round 0 warms the JIT, the pools and the grain's activation.
                results.Add((reservations / seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), oversold));
            }
            Console.WriteLine($"{platform.Kind} {path} {callers} callers, round {round}: {reservations / seconds:0} reservations/s, stock left {stock}, refused {refused}{(round == 0 ? " (warm-up)" : "")}");
        }
        return new Row(platform.Kind, path, callers, Median(results.Select(r => r.PerSecond)), Median(results.Select(r => r.P50)),
            Median(results.Select(r => r.P99)), results.Max(r => r.Oversold));
    }

    private Func<Task<bool>> GrainReservation(Guid productId) => async () =>
    {
        try
        {
            await grains.GetGrain<IProductGrain>(productId).ReserveAsync(Guid.NewGuid(), 1);
            return true;
        }
        catch (OutOfStockException)
        {
            return false;
        }
    };

    private Func<Task<bool>> ConditionalUpdate(Guid productId) => async () =>
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE products SET stock = stock - 1, version = version + 1 WHERE id = @id AND stock >= 1";
        var id = command.CreateParameter();
        id.ParameterName = "id";
        id.Value = platform.Kind == DatabaseKind.Sqlite ? productId.ToString().ToUpperInvariant() : productId;
        command.Parameters.Add(id);
        return await command.ExecuteNonQueryAsync() == 1;
    };

    private DbConnection Open() => platform.Kind == DatabaseKind.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(platform.ConnectionString) { Pooling = true }.ToString())
        : new NpgsqlConnection(platform.ConnectionString);

    private async Task<int> StockAsync(Guid productId)
    {
        await using var db = platform.NewContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
