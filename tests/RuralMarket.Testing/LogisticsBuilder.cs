using RuralMarket.Data.Logistics;

namespace RuralMarket.Testing;

/// <summary>Postal partners saved through the real unit of work.</summary>
public static class LogisticsBuilder
{
    public static async Task<PostalPartner> AddPostalPartnerAsync(this TestPlatform platform, string carrier = PostalPartner.PortalCarrier, string? name = null)
    {
        var id = Guid.NewGuid();
        var partner = new PostalPartner(id, name ?? "Bưu cục Phủ Thông", $"buu-cuc-{id:N}", carrier, platform.Clock.GetUtcNow());
        await using var db = platform.NewContext();
        db.PostalPartners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    }
}
