namespace RuralMarket.Logistics.ViettelPost;

/// <summary>
/// <c>Carriers:ViettelPost</c>: the long-lived partner token Viettel Post issues for the shop (from configuration
/// only), the service to book (VCN: fast delivery) and the base address of its partner API. Off unless switched on.
/// </summary>
public sealed class ViettelPostOptions
{
    public const string Section = "Carriers:ViettelPost";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://partner.viettelpost.vn/v2/");

    public string Token { get; set; } = string.Empty;

    public string Service { get; set; } = "VCN";

    public bool IsComplete => Token.Length > 0 && Service.Length > 0 && BaseUrl.IsAbsoluteUri;
}
