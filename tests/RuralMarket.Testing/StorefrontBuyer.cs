using System.Net;
using System.Text.RegularExpressions;

namespace RuralMarket.Testing;

/// <summary>What became of a checkout form a buyer sent.</summary>
public enum CheckoutOutcome
{
    /// <summary>The confirmation page: the orders exist.</summary>
    Placed,

    /// <summary>Back to the cart: a line ran short or is no longer for sale; nothing was placed.</summary>
    SentBackToCart,

    /// <summary>No answer the buyer can act on (an error page, a dropped connection): the buyer may send the same form again.</summary>
    Unanswered,
}

/// <summary>
/// A buyer on the storefront over HTTP, as a browser without JavaScript is: cookies kept (the cart), the antiforgery
/// token taken from the page, redirects looked at rather than followed.
/// </summary>
public sealed partial class StorefrontBuyer : IDisposable
{
    private readonly HttpClient _http;
    private string? _token;

    /// <param name="storefront">The web host's address.</param>
    /// <param name="forwardedFor">The buyer's own address as our ingress would forward it, so per-buyer limits count this buyer.</param>
    public StorefrontBuyer(Uri storefront, IPAddress? forwardedFor = null)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        _http = new HttpClient(handler) { BaseAddress = storefront };
        if (forwardedFor is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor.ToString());
        }
    }

    /// <summary>Puts units of a product in the cart from its page's form; false when the page offers none (sold out).</summary>
    public async Task<bool> AddToCartAsync(string slug, Guid productId, int quantity = 1)
    {
        var page = await _http.GetStringAsync($"products/{slug}");
        if (!page.Contains("handler=Add", StringComparison.Ordinal))
        {
            return false;
        }
        _token ??= AntiforgeryToken(page);
        using var added = await PostAsync("cart?handler=Add", ("productId", productId.ToString()), ("quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (added.StatusCode != HttpStatusCode.Redirect)
        {
            throw new HttpRequestException($"Adding {slug} to the cart answered {(int)added.StatusCode}.");
        }
        return true;
    }

    /// <summary>The checkout id the checkout form carries, or null when the page sends the buyer back to the cart.</summary>
    public async Task<Guid?> OpenCheckoutAsync()
    {
        using var page = await _http.GetAsync("checkout");
        if (page.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        _token = AntiforgeryToken(html);
        return CheckoutId(html);
    }

    /// <summary>
    /// Sends the checkout form with a delivery address in Hà Nội; with <paramref name="checkoutId"/> it is the form
    /// <see cref="OpenCheckoutAsync"/> showed (sending it again is a double submit), without it the server picks one.
    /// </summary>
    public async Task<CheckoutOutcome> PlaceAsync(Guid? checkoutId = null)
    {
        try
        {
            (string, string)[] address =
            [
                ("Form.Name", "Nguyễn Thị Lan"), ("Form.Phone", "0912345678"), ("Form.ProvinceCode", "HN"),
                ("Form.Commune", CatalogBuilder.Communes["HN"].Name), ("Form.Street", "12 Phan Đình Phùng"),
            ];
            using var answer = await PostAsync("checkout", checkoutId is { } id ? [.. address, ("Form.CheckoutId", id.ToString())] : address);
            var to = answer.Headers.Location?.OriginalString ?? string.Empty;
            return answer.StatusCode != HttpStatusCode.Redirect ? CheckoutOutcome.Unanswered
                : to.StartsWith("/checkout/confirmation", StringComparison.OrdinalIgnoreCase) ? CheckoutOutcome.Placed
                : to.StartsWith("/cart", StringComparison.OrdinalIgnoreCase) ? CheckoutOutcome.SentBackToCart
                : CheckoutOutcome.Unanswered;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return CheckoutOutcome.Unanswered;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The antiforgery token of the page's forms, as a browser sends it back.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = TokenPattern().Match(html);
        return token.Success ? token.Groups[1].Value : throw new InvalidOperationException("The page carries no antiforgery token.");
    }

    /// <summary>The checkout id rendered into a checkout form.</summary>
    public static Guid CheckoutId(string html)
    {
        var id = CheckoutIdPattern().Match(html);
        return id.Success ? Guid.Parse(id.Groups[1].Value) : throw new InvalidOperationException("The checkout form carries no checkout id.");
    }

    private async Task<HttpResponseMessage> PostAsync(string action, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", _token ?? string.Empty));
        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(action, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Form\\.CheckoutId\"[^>]*value=\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex CheckoutIdPattern();
}
