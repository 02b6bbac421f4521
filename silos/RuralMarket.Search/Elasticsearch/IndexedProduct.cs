using System.Text;
using System.Text.Json.Serialization;

namespace RuralMarket.Search.Elasticsearch;

/// <summary>A product as the Elasticsearch index stores it (the <c>_source</c>); field names are the mapping's.</summary>
internal sealed record IndexedProduct
{
    [JsonPropertyName("product_id")] public required Guid ProductId { get; init; }
    [JsonPropertyName("slug")] public required string Slug { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("body")] public required string Body { get; init; }
    [JsonPropertyName("category")] public required string Category { get; init; }
    [JsonPropertyName("unit")] public required string Unit { get; init; }
    [JsonPropertyName("net_weight_grams")] public required int NetWeightGrams { get; init; }
    [JsonPropertyName("price")] public required long Price { get; init; }
    [JsonPropertyName("in_stock")] public required bool InStock { get; init; }
    [JsonPropertyName("ocop_stars")] public int? OcopStars { get; init; }
    [JsonPropertyName("ocop_expires_on")] public DateOnly? OcopExpiresOn { get; init; }
    [JsonPropertyName("published_at")] public required DateTimeOffset PublishedAt { get; init; }
    [JsonPropertyName("cooperative_slug")] public required string CooperativeSlug { get; init; }
    [JsonPropertyName("cooperative_name")] public required string CooperativeName { get; init; }
    [JsonPropertyName("province_code")] public required string ProvinceCode { get; init; }
    [JsonPropertyName("province_name")] public required string ProvinceName { get; init; }
    [JsonPropertyName("cover_photo")] public string? CoverPhoto { get; init; }

    /// <summary>Left out when empty, so an index made before the field existed still takes products without one.</summary>
    [JsonPropertyName("name_en"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? EnglishName { get; init; }

    /// <summary>The document for a product, its text in NFC so the cluster's analyzers see one spelling of each letter.</summary>
    public static IndexedProduct From(SearchDocument d) => new()
    {
        ProductId = d.ProductId,
        Slug = d.Slug,
        Name = Nfc(d.Name),
        Body = Nfc(d.Body),
        Category = d.Category,
        Unit = d.Unit,
        NetWeightGrams = d.NetWeightGrams,
        Price = d.PriceDong,
        InStock = d.InStock,
        OcopStars = d.OcopStars,
        OcopExpiresOn = d.OcopExpiresOn,
        PublishedAt = d.PublishedAt.ToUniversalTime(),
        CooperativeSlug = d.CooperativeSlug,
        CooperativeName = Nfc(d.CooperativeName),
        ProvinceCode = d.ProvinceCode,
        ProvinceName = Nfc(d.ProvinceName),
        CoverPhoto = d.CoverPhoto,
        EnglishName = d.EnglishName.Length == 0 ? null : Nfc(d.EnglishName),
    };

    public SearchHit ToHit(DateOnly today) => new(
        ProductId, Slug, Name, Price, Unit, NetWeightGrams, InStock, OcopExpiresOn >= today ? OcopStars : null,
        CooperativeSlug, CooperativeName, ProvinceCode, ProvinceName, Category, CoverPhoto, EnglishName);

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
