using System.Net;
using System.Text.RegularExpressions;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>Posts forms the way a browser without JavaScript does: the antiforgery token comes from the page, cookies are kept.</summary>
internal static partial class FormClient
{
    public static async Task<string> PageAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {pageUrl}");
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(action, content);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
