using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Data;
using RuralMarket.Data.Hosting;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Grains;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Cooperatives;
using RuralMarket.Photos;

namespace RuralMarket.Seed;

/// <summary>
/// Loads the illustrative catalogue: cooperatives (verified), households, and published products with photo and
/// OCOP certificate. Anything whose slug already exists is left alone, so loading twice changes nothing; a seed
/// product without any photo (the photo table was rebuilt in 0003) gets its photo back.
/// </summary>
internal sealed partial class CatalogueLoader(RuralMarketDbContext db, IGrainFactory grains, PhotoPipeline photos, TimeProvider clock, ILogger<CatalogueLoader> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var catalogue = SeedFiles.Read<CatalogueFile>("cooperatives.json");
        var existingCooperatives = await db.Cooperatives.AsNoTracking().Select(c => c.Slug).ToListAsync(cancellationToken);
        var existingProducts = await db.Products.AsNoTracking().Select(p => p.Slug).ToListAsync(cancellationToken);
        var seedSlugs = catalogue.Cooperatives.SelectMany(c => c.Products).Select(p => p.Slug).ToList();
        var withoutPhotos = await db.Products.AsNoTracking().Where(p => seedSlugs.Contains(p.Slug) && !p.Photos.Any())
            .Select(p => new { p.Slug, p.Id })
            .ToDictionaryAsync(p => p.Slug, p => p.Id, cancellationToken);
        var added = 0;
        foreach (var seed in catalogue.Cooperatives)
        {
            if (!existingCooperatives.Contains(seed.Slug))
            {
                await RegisterAsync(seed);
            }
            foreach (var product in seed.Products.Where(p => !existingProducts.Contains(p.Slug)))
            {
                await CreateProductAsync(seed, product, cancellationToken);
                added++;
            }
            foreach (var product in seed.Products.Where(p => withoutPhotos.ContainsKey(p.Slug)))
            {
                await AddPhotoAsync(grains.GetGrain<IProductGrain>(withoutPhotos[product.Slug]), product.Slug, cancellationToken);
            }
        }
        if (added > 0)
        {
            LogLoaded(added);
        }
    }

    private async Task RegisterAsync(SeedCooperative seed)
    {
        var cooperative = grains.GetGrain<ICooperativeGrain>(SeedIds.For("cooperative", seed.Slug));
        await cooperative.RegisterAsync(new CooperativeRegistration(seed.Slug, seed.Name, seed.RegistrationNumber,
            new Address(seed.ProvinceCode, seed.Commune, seed.Street), string.Empty, seed.Story), Actor.Platform);
        foreach (var household in seed.Households)
        {
            await cooperative.AddHouseholdAsync(SeedIds.For("household", $"{seed.Slug}/{household.Key}"),
                new HouseholdDetails(household.HeadName, household.Village, household.Produces, household.Phone), Actor.Platform);
        }
        await cooperative.VerifyAsync(Actor.Platform);
    }

    private async Task CreateProductAsync(SeedCooperative cooperative, SeedProduct seed, CancellationToken cancellationToken)
    {
        var listing = new ProductListing(seed.Name, seed.Description, seed.Category, seed.Unit, seed.NetWeightGrams, seed.Origin, seed.Harvest,
            seed.EnglishName ?? string.Empty, seed.EnglishDescription ?? string.Empty);
        var producers = seed.Producers.Select(p => new ProducerShare(SeedIds.For("household", $"{cooperative.Slug}/{p.Key}"), p.Value)).ToList();
        OcopCertificate? certificate = null;
        if (seed.Ocop is { } ocop)
        {
            var expiresOn = ocop.IssuedOn.AddMonths(OcopCertificate.ValidityMonths).AddDays(-1);
            certificate = new OcopCertificate(ocop.Stars, ocop.Number, OcopCertificate.LevelFor(ocop.Stars), ocop.IssuedOn, expiresOn);
        }
        var product = grains.GetGrain<IProductGrain>(SeedIds.For("product", seed.Slug));
        await product.CreateAsync(SeedIds.For("cooperative", cooperative.Slug), seed.Slug,
            new ProductDetails(listing, Money.FromDong(seed.PriceDong), producers, certificate), Actor.Platform);
        if (certificate is not null)
        {
            await product.ConfirmCertificateAsync(Actor.Platform);
        }
        await AddPhotoAsync(product, seed.Slug, cancellationToken);
        if (seed.Batch is { } batch)
        {
            await StartBatchAsync(product, cooperative, batch, seed.Stock);
        }
        else if (seed.Stock > 0)
        {
            await product.AdjustStockAsync(seed.Stock, StockAdjustmentReason.Restock, null, Actor.Platform);
        }
        await product.PublishAsync(Actor.Platform);
    }

    /// <summary>The product's stock comes in as the batch's, and the batch's diary is written as the platform.</summary>
    private async Task StartBatchAsync(IProductGrain product, SeedCooperative cooperative, SeedBatch seed, int stock)
    {
        var today = VietnamCalendar.Today(clock);
        var started = await product.StartBatchAsync(new BatchDetails(seed.Lot, today.AddDays(-seed.StartedDaysAgo), today.AddDays(-seed.HarvestedDaysAgo),
            today.AddDays(seed.KeepsDays - seed.HarvestedDaysAgo), stock), Actor.Platform);
        foreach (var entry in seed.Diary)
        {
            var household = entry.Household is { } key ? SeedIds.For("household", $"{cooperative.Slug}/{key}") : (Guid?)null;
            await product.WriteDiaryAsync(started.BatchId, new DiaryDraft(today.AddDays(-entry.DaysAgo), entry.Activity, household, entry.Input, entry.Note), Actor.Platform);
        }
    }

    private async Task AddPhotoAsync(IProductGrain product, string slug, CancellationToken cancellationToken)
    {
        await using var image = SeedFiles.Image(slug);
        await product.AddPhotoAsync(await photos.StoreAsync(image, cancellationToken), Actor.Platform);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} products of the illustrative seed catalogue")]
    private partial void LogLoaded(int count);
}
