using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>Signing out ends the session everywhere: a copy of the sign-in cookie taken before stops working at once.</summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private static readonly Uri Site = new("http://localhost/");

    private PortalWorld _world = null!;
    private readonly CookieContainer _jar = new();
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync();
        _browser = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_copied_cookie_stops_working_as_soon_as_its_owner_signs_out()
    {
        var portal = $"/portal/{_world.A.Slug}/products";
        var token = StorefrontBuyer.AntiforgeryToken(await (await SendAsync(HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync());
        var signedIn = await SendAsync(HttpMethod.Post, "/account/login", ("SignInName", "0912000001"), ("Password", PortalWorld.Password), ("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copied = _jar.GetCookieHeader(Site);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(copied, portal)).StatusCode);

        var page = await SendAsync(HttpMethod.Get, "/portal"); // where the sign-out button is
        var signedOut = await SendAsync(HttpMethod.Post, "/account/logout", ("__RequestVerificationToken", StorefrontBuyer.AntiforgeryToken(await page.Content.ReadAsStringAsync())));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var stolen = await WithCookieAsync(copied, portal);
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.StartsWith("/account/login", stolen.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A request from this browser, its cookies kept the way a browser keeps them.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form.Length > 0)
        {
            request.Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }
        if (_jar.GetCookieHeader(Site) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }
        var response = await _browser.SendAsync(request);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            _jar.SetCookies(Site, set);
        }
        return response;
    }

    /// <summary>Someone else's browser, sending a copy of the cookie.</summary>
    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string url)
    {
        using var other = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await other.SendAsync(request);
    }
}
