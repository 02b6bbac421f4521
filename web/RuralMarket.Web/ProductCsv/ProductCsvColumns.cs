using System.Globalization;
using System.Resources;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.ProductCsv;

/// <summary>A column of the product CSV: the header we write, the headers we accept, and the product form field it fills.</summary>
public sealed record ProductCsvColumn(string Header, string FormField, bool Required, params string[] Aliases)
{
    /// <summary>Headers are matched without diacritics, case or punctuation: "Giá (đồng)", "gia dong" and "GIÁ" are one column.</summary>
    public bool Matches(string header)
    {
        var key = ProductCsvColumns.Key(header);
        return ProductCsvColumns.Key(Header) == key || Aliases.Any(a => ProductCsvColumns.Key(a) == key);
    }
}

/// <summary>
/// The product CSV's columns, in the order the export writes them. Category and unit are written with their
/// Vietnamese names and read from those or from their English names; the OCOP level follows from the stars.
/// </summary>
public static class ProductCsvColumns
{
    public const string Stock = "Stock";

    public const string Slug = "Slug";

    public static readonly IReadOnlyList<ProductCsvColumn> All =
    [
        new("Mã sản phẩm", Slug, false, "ma", "slug", "code"),
        new("Tên sản phẩm", nameof(ProductForm.Name), true, "ten", "name", "product name"),
        new("Nhóm", nameof(ProductForm.Category), true, "nhom san pham", "category"),
        new("Đơn vị", nameof(ProductForm.Unit), true, "don vi ban", "unit"),
        new("Khối lượng tịnh (g)", nameof(ProductForm.NetWeightGrams), true, "khoi luong", "khoi luong tinh", "net weight", "weight"),
        new("Giá (đồng)", nameof(ProductForm.Price), true, "gia", "gia ban", "price"),
        new("Tồn kho", Stock, false, "so luong", "stock"),
        new("Mô tả", nameof(ProductForm.Description), false, "description"),
        new("Xuất xứ", nameof(ProductForm.Origin), false, "origin"),
        new("Mùa vụ", nameof(ProductForm.Harvest), false, "harvest"),
        new("Tên tiếng Anh", nameof(ProductForm.EnglishName), false, "english name", "name en", "name_en"),
        new("Mô tả tiếng Anh", nameof(ProductForm.EnglishDescription), false, "english description", "description en", "description_en"),
        new("Hộ sản xuất", nameof(ProductForm.Shares), true, "ho", "producers", "households"),
        new("OCOP (sao)", nameof(ProductForm.Stars), false, "ocop", "sao", "stars"),
        new("Số chứng nhận OCOP", nameof(ProductForm.CertificateNumber), false, "so chung nhan", "certificate number", "certificate"),
        new("Ngày cấp", nameof(ProductForm.IssuedOn), false, "issued on", "issued"),
        new("Ngày hết hạn", nameof(ProductForm.ExpiresOn), false, "expires on", "expiry"),
    ];

    /// <summary>The Vietnamese names the storefront shows, read from the neutral (Vietnamese) resources.</summary>
    private static readonly ResourceManager Texts = new("RuralMarket.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Key(string header) =>
        new(VietnameseText.Fold(header).Where(char.IsAsciiLetterOrDigit).ToArray());

    public static string NameOf(ProductCategory category) => Label($"category.{category}");

    public static string NameOf(SalesUnit unit) => Label($"unit.{unit}");

    /// <summary>The member a cell names, by its Vietnamese or English name; null when it names none.</summary>
    public static T? Parse<T>(string cell, Func<T, string> vietnamese) where T : struct, Enum
    {
        var key = Key(cell);
        return key.Length == 0
            ? null
            : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Key(vietnamese(v!.Value)) == key || Key(v!.Value.ToString()) == key);
    }

    private static string Label(string key) => Texts.GetString(key, CultureInfo.InvariantCulture) ?? key;
}
