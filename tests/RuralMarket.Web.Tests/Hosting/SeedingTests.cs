using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;

namespace RuralMarket.Web.Tests.Hosting;

public class SeedingTests
{
    [Fact]
    public async Task Starting_a_second_time_on_the_same_data_changes_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ruralmarket-web-tests", Guid.NewGuid().ToString("N"));
        await using (var first = await RuralMarketApp.CreateAsync(dataFolder: folder))
        {
            await first.ReadyClientAsync();
        }
        var afterFirst = await SnapshotAsync(folder);

        await using (var second = await RuralMarketApp.CreateAsync(dataFolder: folder))
        {
            await second.ReadyClientAsync();
        }
        var afterSecond = await SnapshotAsync(folder);

        Assert.Equal((34, 3321, 8, 45), (afterFirst.Provinces, afterFirst.Communes, afterFirst.Cooperatives, afterFirst.Products));
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task Every_province_has_communes_and_every_seeded_cooperative_is_in_a_real_commune_of_its_province()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        await app.ReadyClientAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();

        var provincesWithout = await db.Provinces.Where(p => !db.Communes.Any(c => c.ProvinceCode == p.Code)).Select(p => p.Name).ToListAsync();
        var cooperatives = await db.Cooperatives.AsNoTracking().ToListAsync();
        var communes = (await db.Communes.AsNoTracking().ToListAsync()).Select(c => (c.ProvinceCode, c.Name)).ToHashSet();

        Assert.Empty(provincesWithout);
        Assert.All(cooperatives, c => Assert.Contains((c.Address.ProvinceCode, c.Address.Commune), communes));
    }

    private sealed record Snapshot(int Provinces, int Communes, int Cooperatives, int Households, int Products, long VersionSum, long StockSum, int OutboxMessages);

    private static async Task<Snapshot> SnapshotAsync(string folder)
    {
        var options = new DbContextOptionsBuilder<RuralMarketDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "ruralmarket.db")};Pooling=False").Options;
        await using var db = new RuralMarketDbContext(options);
        var cooperatives = await db.Cooperatives.AsNoTracking().ToListAsync();
        var products = await db.Products.AsNoTracking().ToListAsync();
        return new Snapshot(
            await db.Provinces.CountAsync(),
            await db.Communes.CountAsync(),
            cooperatives.Count,
            cooperatives.Sum(c => c.Households.Count),
            products.Count,
            products.Sum(p => p.Version) + cooperatives.Sum(c => c.Version),
            products.Sum(p => (long)p.Stock),
            await db.OutboxMessages.CountAsync());
    }
}
