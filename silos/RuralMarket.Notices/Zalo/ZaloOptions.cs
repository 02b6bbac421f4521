namespace RuralMarket.Notices.Zalo;

/// <summary>
/// <c>Notices:Zalo</c>: Zalo Notification Service for the platform's Official Account. Each kind of notice needs a
/// template approved by Zalo (its id under <see cref="Templates"/>, keyed by the kind's name such as
/// <c>order.placed</c>, with the params named as the notice's fields: <c>order_code</c>, <c>amount</c>, <c>link</c> …);
/// kinds without a template go by SMS. The access token comes from configuration only.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Notices:Zalo";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://business.openapi.zalo.me/");

    public string AccessToken { get; set; } = string.Empty;

    public Dictionary<string, string> Templates { get; set; } = [];

    public bool IsComplete => AccessToken.Length > 0 && Templates.Count > 0;
}
