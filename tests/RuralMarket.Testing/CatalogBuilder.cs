using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Testing;

/// <summary>Test-data builders that save through the real unit of work.</summary>
public static class CatalogBuilder
{
    public static async Task<Cooperative> AddCooperativeAsync(this TestPlatform platform, string slug = "htx-vi-huong", bool verified = true,
        string provinceCode = "TN", string name = "HTX Nông nghiệp Vi Hương", PayoutAccount? payout = null)
    {
        var now = platform.Clock.GetUtcNow();
        var cooperative = Cooperative.Register(Guid.NewGuid(), slug, name, "1302000123",
            new Address(provinceCode, "Xã Phủ Thông", "Thôn Nà Hán"), "Miến dong làm thủ công.", now);
        cooperative.AddHousehold(Guid.NewGuid(), "Hoàng Văn Thụ", "Thôn Nà Hán", "Củ dong riềng", null, now);
        cooperative.AddHousehold(Guid.NewGuid(), "Lý Thị Mai", "Thôn Khuổi Trang", "Củ dong riềng", "0912345678", now);
        if (verified)
        {
            cooperative.Verify(now);
        }
        if (payout is not null)
        {
            cooperative.PayInto(payout, now);
        }
        await using var db = platform.NewContext();
        db.Cooperatives.Add(cooperative);
        await db.SaveChangesAsync();
        return cooperative;
    }

    public static async Task<Product> AddProductAsync(this TestPlatform platform, Cooperative cooperative, string slug = "mien-dong",
        long priceDong = 85_000, int stock = 10, bool publish = true)
    {
        var now = platform.Clock.GetUtcNow();
        var product = Product.Create(Guid.NewGuid(), cooperative.Id, slug,
            new ProductListing("Miến dong Vi Hương", "Miến làm từ củ dong riềng.", ProductCategory.Food, SalesUnit.Package, 500, "Vi Hương, Bắc Kạn", "Tháng 11 – tháng 2"),
            Money.FromDong(priceDong), now);
        product.AssignProducers([new ProducerShare(cooperative.Households[0].Id, 60), new ProducerShare(cooperative.Households[1].Id, 40)], now);
        product.Certify(new OcopCertificate(4, "1234/QĐ-UBND", IssuingLevel.Province, new DateOnly(2025, 1, 15), new DateOnly(2028, 1, 14)), now);
        product.ConfirmCertificate(now);
        product.AddPhoto(new PhotoVariants(Guid.NewGuid(), 800, 600), now);
        if (stock > 0)
        {
            product.AdjustStock(stock, now);
        }
        if (publish)
        {
            product.Publish(now);
        }
        await using var db = platform.NewContext();
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    /// <summary>Changes stock in the table directly, as a second writer would: the product's grain must notice, not overwrite it.</summary>
    public static async Task AddStockBehindTheGrainsAsync(this TestPlatform platform, Guid productId, int units)
    {
        await using var db = platform.NewContext();
        var product = await db.Products.SingleAsync(p => p.Id == productId);
        product.AdjustStock(units, platform.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>One real 2025 commune per test province (GSO code and name), as the seed's communes.json has them.</summary>
    public static readonly IReadOnlyDictionary<string, (string Code, string Name)> Communes = new Dictionary<string, (string, string)>
    {
        ["HN"] = ("00004", "Phường Ba Đình"), ["TN"] = ("01969", "Xã Phủ Thông"), ["HP"] = ("10813", "Xã Thanh Hà"), ["DT"] = ("30037", "Xã Tháp Mười"),
    };

    public static OrderRecipient Recipient(string provinceCode = "HN") =>
        new(new BuyerContact("Nguyễn Thị Lan", "0912 345 678", "lan@example.vn"),
            new Address(provinceCode, Communes.TryGetValue(provinceCode, out var commune) ? commune.Name : "Phường Ba Đình", "12 Phan Đình Phùng"), "Gọi trước khi giao");
}
