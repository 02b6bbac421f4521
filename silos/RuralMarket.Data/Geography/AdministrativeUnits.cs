using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Geography;

/// <summary>The 2025 provinces and communes as forms list them (in Vietnamese alphabetical order), and the check that an address names real ones.</summary>
public sealed class AdministrativeUnits(RuralMarketDbContext db)
{
    public async Task<IReadOnlyList<Province>> ProvincesAsync(CancellationToken cancellationToken) =>
        (await db.Provinces.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal).ToList();

    /// <summary>The province's communes; none for an unknown or empty province code.</summary>
    public async Task<IReadOnlyList<Commune>> CommunesAsync(string? provinceCode, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(provinceCode)
            ? []
            : (await db.Communes.AsNoTracking().Where(c => c.ProvinceCode == provinceCode).ToListAsync(cancellationToken))
                .OrderBy(c => VietnameseText.Fold(c.Name), StringComparer.Ordinal).ToList();

    /// <summary>Refuses an address whose province, or whose commune within that province, does not exist.</summary>
    public async Task RequireKnownAsync(Address address, CancellationToken cancellationToken)
    {
        if (!await db.Provinces.AnyAsync(p => p.Code == address.ProvinceCode, cancellationToken))
        {
            throw new DomainException("address.province_unknown", $"Unknown province {address.ProvinceCode}.");
        }
        if (!await db.Communes.AnyAsync(c => c.ProvinceCode == address.ProvinceCode && c.Name == address.Commune, cancellationToken))
        {
            throw new DomainException("address.commune_unknown", $"Province {address.ProvinceCode} has no commune named {address.Commune}.");
        }
    }
}
