using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Seed;

// The shapes of the seed's JSON files (seed/RuralMarket.Seed/Catalogue/).

internal sealed record ProvinceFile(IReadOnlyList<SeedProvince> Provinces);

internal sealed record SeedProvince(string Code, string Name, ProvinceKind Kind);

internal sealed record CommuneFile(IReadOnlyList<SeedCommune> Communes);

internal sealed record SeedCommune(string Code, string Province, string Name);

internal sealed record CatalogueFile(IReadOnlyList<SeedCooperative> Cooperatives);

internal sealed record SeedCooperative(
    string Slug, string Name, string RegistrationNumber, string ProvinceCode, string Commune, string Street, string Story,
    IReadOnlyList<SeedHousehold> Households, IReadOnlyList<SeedProduct> Products);

internal sealed record SeedHousehold(string Key, string HeadName, string Village, string Produces, string? Phone);

internal sealed record SeedProduct(
    string Slug, string Name, string Description, ProductCategory Category, SalesUnit Unit, int NetWeightGrams,
    long PriceDong, int Stock, string Origin, string Harvest, SeedCertificate? Ocop, IReadOnlyDictionary<string, int> Producers,
    string? EnglishName = null, string? EnglishDescription = null, SeedBatch? Batch = null);

/// <summary>A batch with its diary, dated in days before the day the seed is loaded (the diary accepts entries up to a year old).</summary>
internal sealed record SeedBatch(string Lot, int StartedDaysAgo, int HarvestedDaysAgo, int KeepsDays, IReadOnlyList<SeedDiaryEntry> Diary);

internal sealed record SeedDiaryEntry(int DaysAgo, FarmActivity Activity, string? Household, string? Input, string? Note);

internal sealed record SeedCertificate(int Stars, string Number, DateOnly IssuedOn);
