namespace RuralMarket.Notices.Sms;

/// <summary>
/// <c>Notices:Sms</c>: a brandname SMS gateway with the HTTP shape Vietnamese gateways share (eSMS's
/// <c>SendMultipleMessage_V4_post_json</c>: key and secret in the body, the brandname registered with the carriers,
/// customer-care type 2). Keys from configuration only.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Notices:Sms";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://rest.esms.vn/");

    public string ApiKey { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    /// <summary>The sender name registered with the carriers (at most 11 characters).</summary>
    public string Brandname { get; set; } = string.Empty;

    /// <summary>2: brandname customer care (chăm sóc khách hàng), the only type a marketplace's notices may use.</summary>
    public string SmsType { get; set; } = "2";

    public bool IsComplete => ApiKey.Length > 0 && SecretKey.Length > 0 && Brandname.Length is > 0 and <= 11;
}
