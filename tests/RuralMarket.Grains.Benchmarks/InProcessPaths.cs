using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Catalog;
using RuralMarket.Testing;

namespace RuralMarket.Grains.Benchmarks;

/// <summary>
/// The two paths to the stock inside one process with a silo: <see cref="IProductGrain.ReserveAsync"/> (what checkout
/// does: a reservation row, stock and version in one write) and, as the baseline, the single conditional UPDATE the
/// platform used before the grains (stock only).
/// </summary>
internal sealed class InProcessPaths(TestPlatform platform, IGrainFactory grains)
{
    private int _products;

    public Func<Task<HotProduct>> Grain(int units) => async () =>
    {
        var productId = await NewProductAsync(units);
        return new HotProduct(async () =>
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
        }, () => StockAsync(productId));
    };

    public Func<Task<HotProduct>> ConditionalUpdate(int units) => async () =>
    {
        var productId = await NewProductAsync(units);
        return new HotProduct(async () =>
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
        }, () => StockAsync(productId));
    };

    private async Task<Guid> NewProductAsync(int units)
    {
        var number = Interlocked.Increment(ref _products);
        var cooperative = await platform.AddCooperativeAsync($"htx-bench-{number}");
        return (await platform.AddProductAsync(cooperative, $"hot-{number}", stock: units)).Id;
    }

    private DbConnection Open() => platform.Kind == DatabaseKind.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(platform.ConnectionString) { Pooling = true }.ToString())
        : new NpgsqlConnection(platform.ConnectionString);

    private async Task<int> StockAsync(Guid productId)
    {
        await using var db = platform.NewContext();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }
}
