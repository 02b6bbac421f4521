using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Search.Tests;

/// <summary>A small catalogue chosen so each search rule has a product that shows it.</summary>
internal sealed class SearchCatalogue
{
    public required Cooperative ThaiNguyen { get; init; }

    public required Cooperative HaiPhong { get; init; }

    public required Cooperative DongThap { get; init; }

    public Dictionary<string, Product> Products { get; } = [];

    public Guid this[string slug] => Products[slug].Id;

    public static async Task<SearchCatalogue> CreateAsync(TestPlatform platform)
    {
        var catalogue = new SearchCatalogue
        {
            ThaiNguyen = await platform.AddCooperativeAsync("htx-vi-huong", provinceCode: "TN", name: "HTX Nông nghiệp Vi Hương"),
            HaiPhong = await platform.AddCooperativeAsync("htx-thanh-ha", provinceCode: "HP", name: "HTX Vải thiều Thanh Hà"),
            DongThap = await platform.AddCooperativeAsync("htx-thap-muoi", provinceCode: "DT", name: "HTX Sen Tháp Mười"),
        };
        var tn = catalogue.ThaiNguyen;
        await catalogue.AddAsync(platform, tn, "mien-dong", "Miến dong Vi Hương", "Miến làm từ củ dong riềng.", ProductCategory.Food, 85_000, 10, stars: 4,
            english: ("Arrowroot glass vermicelli", "Hand-made noodles from canna starch."));
        await catalogue.AddAsync(platform, tn, "mat-ong-rung", "Mật ong rừng", "Mật ong khoái trên núi đá.", ProductCategory.Food, 350_000, 5, stars: 3,
            english: ("Wild forest honey", ""));
        await catalogue.AddAsync(platform, tn, "mang-kho", "Măng khô", "Măng nứa phơi củi.", ProductCategory.Food, 180_000, 8, stars: 3, expired: true);
        await catalogue.AddAsync(platform, tn, "tra-shan", "Trà Shan tuyết", "Búp chè cổ thụ.", ProductCategory.Beverages, 280_000, 4, stars: 5);
        var hp = catalogue.HaiPhong;
        await catalogue.AddAsync(platform, hp, "vai-thieu", "Vải thiều Thanh Hà", "Vải chín cây, cùi dày.", ProductCategory.Food, 55_000, 100, stars: 5);
        await catalogue.AddAsync(platform, hp, "mit-say", "Mít sấy giòn", "Mít chín sấy chân không.", ProductCategory.Food, 60_000, 20, stars: null);
        await catalogue.AddAsync(platform, hp, "mit-ngot", "Mịt ngọt", "Bánh mịt làm tay.", ProductCategory.Food, 40_000, 20, stars: null);
        await catalogue.AddAsync(platform, hp, "ruou-vai", "Rượu vải", "Rượu ngâm vải thiều.", ProductCategory.Beverages, 180_000, 0, stars: null);
        var dt = catalogue.DongThap;
        await catalogue.AddAsync(platform, dt, "hat-sen", "Hạt sen Đồng Tháp", "Hạt sen sấy giòn.", ProductCategory.Food, 75_000, 30, stars: 4);
        await catalogue.AddAsync(platform, dt, "tra-sen", "Trà tim sen", "Tim sen sao khô.", ProductCategory.Herbal, 90_000, 0, stars: 4);
        await catalogue.AddAsync(platform, dt, "gao-a", "Gạo thơm ruộng sen", "Gạo thơm.", ProductCategory.Food, 150_000, 0, stars: null);
        await catalogue.AddAsync(platform, dt, "gao-b", "Gạo thơm ruộng sen", "Gạo thơm.", ProductCategory.Food, 150_000, 40, stars: 3);
        await catalogue.AddAsync(platform, tn, "ban-nhap", "Miến dong bản nháp", "Chưa đăng bán.", ProductCategory.Food, 85_000, 10, stars: null, publish: false);
        return catalogue;
    }

    public async Task AddAsync(TestPlatform platform, Cooperative cooperative, string slug, string name, string description, ProductCategory category,
        long priceDong, int stock, int? stars, bool expired = false, bool publish = true, (string Name, string Description)? english = null)
    {
        var now = platform.Clock.GetUtcNow();
        var listing = new ProductListing(name, description, category, SalesUnit.Package, 500, "Việt Nam", "",
            english?.Name ?? string.Empty, english?.Description ?? string.Empty);
        var product = Product.Create(Guid.NewGuid(), cooperative.Id, slug, listing, Money.FromDong(priceDong), now);
        product.AssignProducers([new ProducerShare(cooperative.Households[0].Id, 100)], now);
        if (stars is { } s)
        {
            var issued = expired ? new DateOnly(2023, 1, 10) : new DateOnly(2025, 1, 10);
            product.Certify(new OcopCertificate(s, $"OCOP-{slug}", OcopCertificate.LevelFor(s), issued, issued.AddMonths(36).AddDays(-1)), now);
            product.ConfirmCertificate(now);
        }
        if (stock > 0)
        {
            product.AdjustStock(stock, now);
        }
        if (publish)
        {
            product.Publish(now);
        }
        platform.Clock.Advance(TimeSpan.FromMinutes(1)); // distinct publication times for "newest"
        await using var db = platform.NewContext();
        db.Products.Add(product);
        await db.SaveChangesAsync();
        Products[slug] = product;
    }
}
