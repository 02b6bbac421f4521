using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Logistics;

namespace RuralMarket.Seed;

/// <summary>
/// The illustrative catalogue's postal partner: the village post office near HTX Vi Hương, one of the platform's own
/// partners (no API of its own; its staff use the partner portal). Left alone once it exists.
/// </summary>
public sealed class PostalPartnersLoader(RuralMarketDbContext db, TimeProvider clock) : IDatabaseInitializer
{
    public const string VillagePostOfficeSlug = "buu-dien-vi-huong";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await db.PostalPartners.AnyAsync(p => p.Slug == VillagePostOfficeSlug, cancellationToken))
        {
            return;
        }
        db.PostalPartners.Add(new PostalPartner(SeedIds.For("partner", VillagePostOfficeSlug), "Bưu điện văn hóa xã Vi Hương",
            VillagePostOfficeSlug, PostalPartner.PortalCarrier, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
