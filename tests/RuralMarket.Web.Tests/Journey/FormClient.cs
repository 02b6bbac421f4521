using System.Net;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>Posts forms the way a browser without JavaScript does: the antiforgery token comes from the page, cookies are kept.</summary>
internal static class FormClient
{
    public static async Task<string> PageAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token a form on the page carries, as a browser would send it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl) =>
        StorefrontBuyer.AntiforgeryToken(await client.GetStringAsync(pageUrl));

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
