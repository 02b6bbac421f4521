namespace RuralMarket.Logistics.Ghn;

/// <summary>
/// <c>Carriers:Ghn</c>: the shop's API token and shop id from GHN's merchant site (secrets: from configuration only,
/// never the repository). Off unless switched on. The sandbox is <c>https://dev-online-gateway.ghn.vn/shiip/public-api/</c>.
/// </summary>
public sealed class GhnOptions
{
    public const string Section = "Carriers:Ghn";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://online-gateway.ghn.vn/shiip/public-api/");

    public string Token { get; set; } = string.Empty;

    public string ShopId { get; set; } = string.Empty;

    /// <summary>GHN's service type: 2 is its standard e-commerce service.</summary>
    public int ServiceTypeId { get; set; } = 2;

    /// <summary>What the courier may let the buyer do at the door: look at the goods but not try them.</summary>
    public string RequiredNote { get; set; } = "CHOXEMHANGKHONGTHU";

    public bool IsComplete => Token.Length > 0 && ShopId.Length > 0 && BaseUrl.IsAbsoluteUri;
}
