namespace RuralMarket.Logistics.VnPost;

/// <summary>
/// <c>Carriers:VnPost</c>: the API token MyVNPost issues for the shop's customer account (sent as <c>h-token</c>; from
/// configuration only), the service to book and the base address of its API. Off unless switched on.
/// </summary>
public sealed class VnPostOptions
{
    public const string Section = "Carriers:VnPost";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://donhang.vnpost.vn/api/api/");

    public string Token { get; set; } = string.Empty;

    /// <summary>The postal service: BK is the ordinary parcel (bưu kiện), EMS the express one.</summary>
    public string Service { get; set; } = "BK";

    public bool IsComplete => Token.Length > 0 && Service.Length > 0 && BaseUrl.IsAbsoluteUri;
}
