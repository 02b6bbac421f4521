using RuralMarket.Search;

namespace RuralMarket.Search.Benchmarks;

/// <summary>A large, deterministic catalogue of plausible Vietnamese product names across the 34 provinces.</summary>
internal static class GeneratedCatalogue
{
    private static readonly string[] Kinds =
    [
        "Miến dong", "Mật ong rừng", "Mật ong hoa vải", "Gạo ST25", "Gạo nếp cái hoa vàng", "Chè Shan tuyết", "Trà tim sen", "Trà lá sen",
        "Cà phê Robusta", "Cà phê Arabica", "Nước mắm", "Hạt sen sấy", "Vải thiều sấy", "Măng khô", "Tiêu đen", "Mắc ca", "Hồng không hạt",
        "Ô mai mận", "Thịt trâu gác bếp", "Tôm khô", "Cá cơm khô", "Bánh tráng", "Cốm dẹp", "Thảo quả", "Gừng sấy", "Nghệ đỏ", "Dầu lạc",
        "Mứt gừng", "Khô gà lá chanh", "Bột sắn dây", "Nấm hương rừng", "Mộc nhĩ", "Quế Trà My", "Hồi Lạng Sơn", "Chuối sấy dẻo",
        "Xoài sấy", "Mít sấy giòn", "Khoai lang mật", "Bưởi Diễn", "Cam Cao Phong", "Nhãn lồng", "Vải thiều tươi", "Rượu táo mèo",
        "Khăn thổ cẩm", "Giỏ mây tre đan", "Nón lá", "Chiếu cói", "Gốm Bát Tràng", "Lụa tơ tằm",
    ];

    private static readonly string[] Qualifiers =
    [
        "", "", "đặc biệt", "loại một", "hữu cơ", "thủ công", "truyền thống", "thượng hạng", "túi lớn", "hộp quà", "nguyên chất", "vùng cao",
    ];

    private static readonly string[] Places =
    [
        "Vi Hương", "Thanh Hà", "Tháp Mười", "Suối Giàng", "Phú Quốc", "Buôn Hồ", "Mộc Châu", "Ngã Năm", "Bắc Hà", "Đồng Văn", "Lục Ngạn",
        "Cao Phong", "Trà My", "Sa Pa", "Điện Biên", "Mường Lò", "Hà Giang", "Bạch Thông", "Chợ Đồn", "Ba Bể", "Na Rì", "Yên Bái",
    ];

    private static readonly (string Code, string Name)[] Provinces =
    [
        ("HN", "Hà Nội"), ("HUE", "Huế"), ("HP", "Hải Phòng"), ("DN", "Đà Nẵng"), ("HCM", "TP Hồ Chí Minh"), ("CT", "Cần Thơ"),
        ("LCH", "Lai Châu"), ("DB", "Điện Biên"), ("SL", "Sơn La"), ("LS", "Lạng Sơn"), ("QNI", "Quảng Ninh"), ("TH", "Thanh Hóa"),
        ("NA", "Nghệ An"), ("HT", "Hà Tĩnh"), ("CB", "Cao Bằng"), ("TQ", "Tuyên Quang"), ("LC", "Lào Cai"), ("TN", "Thái Nguyên"),
        ("PT", "Phú Thọ"), ("BN", "Bắc Ninh"), ("HY", "Hưng Yên"), ("NB", "Ninh Bình"), ("QT", "Quảng Trị"), ("QNG", "Quảng Ngãi"),
        ("GL", "Gia Lai"), ("KH", "Khánh Hòa"), ("LD", "Lâm Đồng"), ("DL", "Đắk Lắk"), ("DNA", "Đồng Nai"), ("TNI", "Tây Ninh"),
        ("VL", "Vĩnh Long"), ("DT", "Đồng Tháp"), ("CM", "Cà Mau"), ("AG", "An Giang"),
    ];

    private static readonly string[] Categories = ["Food", "Food", "Food", "Beverages", "Herbal", "Handicrafts"];

    public static IEnumerable<SearchDocument> Generate(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var published = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var place = Places[random.Next(Places.Length)];
            var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
            var province = Provinces[random.Next(Provinces.Length)];
            var name = string.Join(' ', new[] { kind, qualifier, place }.Where(p => p.Length > 0));
            int? stars = random.Next(10) < 7 ? 3 + random.Next(3) : null;
            yield return new SearchDocument(
                new Guid(i, 0, 0, new byte[8]), $"san-pham-{i}", name,
                $"{kind} làm tại {place}, đóng gói cẩn thận, giao toàn quốc.", $"{place}, {province.Name}", Categories[random.Next(Categories.Length)],
                "Package", 100 + random.Next(5000), 10_000 + random.Next(200) * 5_000L, random.Next(10) < 9, stars,
                stars is null ? null : new DateOnly(2025, 1, 1).AddDays(random.Next(1500)), published.AddMinutes(i),
                $"htx-{i % 500}", $"HTX {place} {i % 500}", province.Code, province.Name, $"products/san-pham-{i}/cover.webp");
        }
    }
}
