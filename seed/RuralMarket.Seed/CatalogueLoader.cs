using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;
using RuralMarket.Photos;

namespace RuralMarket.Seed;

/// <summary>
/// Loads the illustrative catalogue: cooperatives (verified), households, and published products with photo and
/// OCOP certificate. Anything whose slug already exists is left alone, so loading twice changes nothing; a seed
/// product without any photo (the photo table was rebuilt in 0003) gets its photo back.
/// </summary>
internal sealed partial class CatalogueLoader(RuralMarketDbContext db, PhotoPipeline photos, TimeProvider clock, ILogger<CatalogueLoader> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var catalogue = SeedFiles.Read<CatalogueFile>("cooperatives.json");
        var existingCooperatives = await db.Cooperatives.Select(c => c.Slug).ToListAsync(cancellationToken);
        var existingProducts = await db.Products.Select(p => p.Slug).ToListAsync(cancellationToken);
        var seedSlugs = catalogue.Cooperatives.SelectMany(c => c.Products).Select(p => p.Slug).ToList();
        var withoutPhotos = await db.Products.Where(p => seedSlugs.Contains(p.Slug) && !p.Photos.Any()).ToDictionaryAsync(p => p.Slug, cancellationToken);
        var added = 0;
        foreach (var seed in catalogue.Cooperatives)
        {
            var now = clock.GetUtcNow();
            if (!existingCooperatives.Contains(seed.Slug))
            {
                var cooperative = Cooperative.Register(SeedIds.For("cooperative", seed.Slug), seed.Slug, seed.Name, seed.RegistrationNumber,
                    new Address(seed.ProvinceCode, seed.Commune, seed.Street), seed.Story, now);
                foreach (var household in seed.Households)
                {
                    cooperative.AddHousehold(SeedIds.For("household", $"{seed.Slug}/{household.Key}"), household.HeadName, household.Village,
                        household.Produces, household.Phone, now);
                }
                cooperative.Verify(now);
                db.Cooperatives.Add(cooperative);
            }
            foreach (var product in seed.Products.Where(p => !existingProducts.Contains(p.Slug)))
            {
                db.Products.Add(await CreateProductAsync(seed, product, now, cancellationToken));
                added++;
            }
            foreach (var product in seed.Products.Where(p => withoutPhotos.ContainsKey(p.Slug)))
            {
                await AddPhotoAsync(withoutPhotos[product.Slug], product.Slug, now, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (added > 0)
        {
            LogLoaded(added);
        }
    }

    private async Task<Product> CreateProductAsync(SeedCooperative cooperative, SeedProduct seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listing = new ProductListing(seed.Name, seed.Description, seed.Category, seed.Unit, seed.NetWeightGrams, seed.Origin, seed.Harvest);
        var product = Product.Create(SeedIds.For("product", seed.Slug), SeedIds.For("cooperative", cooperative.Slug), seed.Slug, listing,
            Money.FromDong(seed.PriceDong), now);
        product.AssignProducers(
            seed.Producers.Select(p => new ProducerShare(SeedIds.For("household", $"{cooperative.Slug}/{p.Key}"), p.Value)).ToList(), now);
        if (seed.Ocop is { } ocop)
        {
            var level = OcopCertificate.LevelFor(ocop.Stars);
            var expiresOn = ocop.IssuedOn.AddMonths(OcopCertificate.ValidityMonths).AddDays(-1);
            product.Certify(new OcopCertificate(ocop.Stars, ocop.Number, level, ocop.IssuedOn, expiresOn), now);
            product.ConfirmCertificate(now);
        }
        await AddPhotoAsync(product, seed.Slug, now, cancellationToken);
        if (seed.Stock > 0)
        {
            product.AdjustStock(seed.Stock, now);
        }
        product.Publish(now);
        return product;
    }

    private async Task AddPhotoAsync(Product product, string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var image = SeedFiles.Image(slug);
        product.AddPhoto(await photos.StoreAsync(image, cancellationToken), now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} products of the illustrative seed catalogue")]
    private partial void LogLoaded(int count);
}
