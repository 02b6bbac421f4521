using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Seed;

/// <summary>Loads the 34 province-level units of 2025 that are missing. Reference data: runs on every database.</summary>
internal sealed class ProvinceLoader(RuralMarketDbContext db) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var known = await db.Provinces.Select(p => p.Code).ToListAsync(cancellationToken);
        var missing = SeedFiles.Read<ProvinceFile>("provinces.json").Provinces.Where(p => !known.Contains(p.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.Provinces.AddRange(missing.Select(p => new Province(p.Code, p.Name, p.Kind)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
