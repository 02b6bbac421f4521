using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Catalog;

namespace RuralMarket.Web.ProductCsv;

/// <summary>
/// The cooperative's products (all but archived ones) in the import format: UTF-8 with a byte order mark so
/// spreadsheets read the Vietnamese correctly, comma-separated, Vietnamese headers, one row per product.
/// Importing the file unchanged changes nothing.
/// </summary>
public sealed class ProductCsvExport(RuralMarketDbContext db)
{
    public async Task<byte[]> WriteAsync(Guid cooperativeId, CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == cooperativeId, cancellationToken);
        var names = cooperative.Households.ToDictionary(h => h.Id, h => h.HeadName);
        var products = (await db.Products.AsNoTracking().AsSplitQuery()
                .Where(p => p.CooperativeId == cooperativeId && p.Status != ProductStatus.Archived).ToListAsync(cancellationToken))
            .OrderBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal);
        var output = new StringBuilder();
        CsvText.Write(output, ProductCsvColumns.All.Select(c => c.Header), ',');
        foreach (var product in products)
        {
            CsvText.Write(output, ProductCsvColumns.All.Select(c => ProductCsvFile.Escape(Cell(product, c.FormField, names))), ',');
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(output.ToString())];
    }

    private static string Cell(Product product, string field, Dictionary<Guid, string> names) => field switch
    {
        ProductCsvColumns.Slug => product.Slug,
        ProductCsvColumns.Stock => Number(product.Stock),
        nameof(Portal.ProductForm.Name) => product.Name,
        nameof(Portal.ProductForm.Category) => ProductCsvColumns.NameOf(product.Category),
        nameof(Portal.ProductForm.Unit) => ProductCsvColumns.NameOf(product.Unit),
        nameof(Portal.ProductForm.NetWeightGrams) => Number(product.NetWeightGrams),
        nameof(Portal.ProductForm.Price) => product.Price.Dong.ToString(CultureInfo.InvariantCulture),
        nameof(Portal.ProductForm.Description) => product.Description,
        nameof(Portal.ProductForm.Origin) => product.Origin,
        nameof(Portal.ProductForm.Harvest) => product.Harvest,
        nameof(Portal.ProductForm.EnglishName) => product.EnglishName,
        nameof(Portal.ProductForm.EnglishDescription) => product.EnglishDescription,
        nameof(Portal.ProductForm.Shares) => ProducerCell.Write(product.Producers.Select(p => (names.GetValueOrDefault(p.HouseholdId) ?? "?", p.Percent))),
        nameof(Portal.ProductForm.Stars) => product.Certificate is { } c ? Number(c.Stars) : string.Empty,
        nameof(Portal.ProductForm.CertificateNumber) => product.Certificate?.Number ?? string.Empty,
        nameof(Portal.ProductForm.IssuedOn) => product.Certificate is { } c ? DateText.Date(c.IssuedOn) : string.Empty,
        nameof(Portal.ProductForm.ExpiresOn) => product.Certificate is { } c ? DateText.Date(c.ExpiresOn) : string.Empty,
        _ => throw new InvalidOperationException($"The export has no value for column {field}."),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
