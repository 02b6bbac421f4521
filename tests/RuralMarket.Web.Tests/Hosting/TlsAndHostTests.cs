using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>Over TLS (here or at the ingress, told by the forwarded scheme) the browser is kept on HTTPS and every cookie is Secure; a forged Host is refused.</summary>
public sealed class TlsAndHostTests
{
    [Fact]
    public async Task Over_https_every_cookie_is_secure_and_the_browser_is_told_to_stay_on_https()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { ["AllowedHosts"] = "shop.example;localhost" });
        await app.ReadyClientAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://shop.example/"), AllowAutoRedirect = false });

        var product = await client.GetAsync("/products/mien-dong-vi-huong");
        var culture = await client.GetAsync("/culture?c=en-US&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.OK, product.StatusCode);
        Assert.StartsWith("max-age=", string.Join(' ', product.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = product.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_host_that_is_not_ours_is_refused_so_it_is_never_reflected()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?> { ["AllowedHosts"] = "shop.example;localhost" });
        await app.ReadyClientAsync();
        var ours = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://shop.example/") });
        var forged = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example/") });

        Assert.Equal(HttpStatusCode.OK, (await ours.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/")).StatusCode);
    }
}
