using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Seed;

/// <summary>
/// Loads the 34 province-level and 3,321 commune-level units of 2025 that are missing. Reference data: runs on every
/// database, before the catalogue (whose cooperatives' addresses name them).
/// </summary>
internal sealed class AdministrativeUnitsLoader(RuralMarketDbContext db) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var knownProvinces = (await db.Provinces.Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.Provinces.AddRange(SeedFiles.Read<ProvinceFile>("provinces.json").Provinces
            .Where(p => !knownProvinces.Contains(p.Code)).Select(p => new Province(p.Code, p.Name, p.Kind)));
        await db.SaveChangesAsync(cancellationToken);

        var knownCommunes = (await db.Communes.Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.Communes.AddRange(SeedFiles.Read<CommuneFile>("communes.json").Communes
            .Where(c => !knownCommunes.Contains(c.Code)).Select(c => new Commune(c.Code, c.Province, c.Name)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
