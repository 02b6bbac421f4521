namespace RuralMarket.Domain.Cooperatives;

/// <summary>A bank reachable through NAPAS transfers, named by its BIN (the six digits a VietQR code carries).</summary>
public sealed record VietnameseBank(string Bin, string ShortName, string Name);

/// <summary>
/// The banks a cooperative may be paid into, by NAPAS BIN as published in VietQR's bank list. Reference data:
/// a bank that merges or renames changes here, and a cooperative whose BIN leaves the list must choose again.
/// </summary>
public static class VietnameseBanks
{
    public static readonly IReadOnlyList<VietnameseBank> All =
    [
        new("970405", "Agribank", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"),
        new("970446", "Co-opBank", "Ngân hàng Hợp tác xã Việt Nam"),
        new("970436", "Vietcombank", "Ngân hàng TMCP Ngoại thương Việt Nam"),
        new("970415", "VietinBank", "Ngân hàng TMCP Công thương Việt Nam"),
        new("970418", "BIDV", "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam"),
        new("970449", "LPBank", "Ngân hàng TMCP Lộc Phát Việt Nam"),
        new("970422", "MB", "Ngân hàng TMCP Quân đội"),
        new("970407", "Techcombank", "Ngân hàng TMCP Kỹ Thương Việt Nam"),
        new("970416", "ACB", "Ngân hàng TMCP Á Châu"),
        new("970432", "VPBank", "Ngân hàng TMCP Việt Nam Thịnh Vượng"),
        new("970403", "Sacombank", "Ngân hàng TMCP Sài Gòn Thương Tín"),
        new("970423", "TPBank", "Ngân hàng TMCP Tiên Phong"),
        new("970437", "HDBank", "Ngân hàng TMCP Phát triển TP. Hồ Chí Minh"),
        new("970441", "VIB", "Ngân hàng TMCP Quốc tế Việt Nam"),
        new("970443", "SHB", "Ngân hàng TMCP Sài Gòn – Hà Nội"),
        new("970431", "Eximbank", "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam"),
        new("970426", "MSB", "Ngân hàng TMCP Hàng Hải Việt Nam"),
        new("970440", "SeABank", "Ngân hàng TMCP Đông Nam Á"),
        new("970448", "OCB", "Ngân hàng TMCP Phương Đông"),
        new("970428", "Nam A Bank", "Ngân hàng TMCP Nam Á"),
        new("970409", "Bac A Bank", "Ngân hàng TMCP Bắc Á"),
        new("970412", "PVcomBank", "Ngân hàng TMCP Đại Chúng Việt Nam"),
        new("970425", "ABBANK", "Ngân hàng TMCP An Bình"),
        new("970433", "Vietbank", "Ngân hàng TMCP Việt Nam Thương Tín"),
        new("970452", "KienlongBank", "Ngân hàng TMCP Kiên Long"),
        new("970438", "BAOVIET Bank", "Ngân hàng TMCP Bảo Việt"),
        new("970400", "Saigonbank", "Ngân hàng TMCP Sài Gòn Công Thương"),
        new("970419", "NCB", "Ngân hàng TMCP Quốc Dân"),
        new("970454", "BVBank", "Ngân hàng TMCP Bản Việt"),
        new("970430", "PGBank", "Ngân hàng TMCP Thịnh vượng và Phát triển"),
        new("970427", "VietABank", "Ngân hàng TMCP Việt Á"),
        new("970408", "GPBank", "Ngân hàng TM TNHH MTV Dầu Khí Toàn Cầu"),
        new("970414", "OceanBank", "Ngân hàng TM TNHH MTV Đại Dương"),
        new("970406", "DongA Bank", "Ngân hàng TMCP Đông Á"),
        new("970429", "SCB", "Ngân hàng TMCP Sài Gòn"),
        new("970421", "VRB", "Ngân hàng Liên doanh Việt – Nga"),
        new("970434", "Indovina", "Ngân hàng TNHH Indovina"),
        new("970424", "Shinhan Bank", "Ngân hàng TNHH MTV Shinhan Việt Nam"),
        new("970457", "Woori Bank", "Ngân hàng TNHH MTV Woori Việt Nam"),
        new("970458", "UOB", "Ngân hàng TNHH MTV United Overseas Bank (Việt Nam)"),
        new("970439", "Public Bank", "Ngân hàng TNHH MTV Public Việt Nam"),
        new("970442", "Hong Leong", "Ngân hàng TNHH MTV Hong Leong Việt Nam"),
        new("970410", "Standard Chartered", "Ngân hàng TNHH MTV Standard Chartered Việt Nam"),
    ];

    private static readonly Dictionary<string, VietnameseBank> ByBin = All.ToDictionary(b => b.Bin);

    public static VietnameseBank? Find(string? bin) => bin is not null && ByBin.TryGetValue(bin, out var bank) ? bank : null;
}
