using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>
/// What a hostile or broken client sends, to every page the app has: unknown handlers, odd return addresses, numbers
/// in other notations, malformed UTF-8, huge headers and bodies, heaps of cookies. Nothing answers 5xx and nothing is
/// stored. Also the headers every answer carries.
/// </summary>
public sealed partial class HostileRequestsTests : IAsyncLifetime
{
    private PortalWorld _world = null!;
    private HttpClient _manager = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync();
        _manager = await _world.ClientAsync("managerA");
        _token = await _manager.AntiforgeryTokenAsync("/products/mien-dong-vi-huong");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>Every Razor page route of the app, its parameters filled from the test world.</summary>
    private List<string> PageUrls()
    {
        var values = new Dictionary<string, string>
        {
            ["cooperative"] = _world.A.Slug, ["slug"] = "mien-dong-vi-huong", ["token"] = _world.A.TrackingToken, ["code"] = _world.A.OrderCode,
            ["id"] = _world.A.ProductId.ToString(), ["household"] = _world.A.HouseholdId.ToString(), ["status"] = "404",
            ["partner"] = _world.P.Slug, ["waybill"] = _world.P.Waybill, ["run"] = Guid.NewGuid().ToString(), // a run not found answers 404, not 5xx
        };
        var pages = _world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => values[m.Groups[1].Value]).TrimEnd('/'))
            .Distinct()
            .ToList();
        Assert.True(pages.Count >= 25, $"only {pages.Count} pages found");
        return pages;
    }

    [Fact]
    public async Task A_post_to_a_handler_a_page_does_not_have_is_refused_on_every_page_never_run_or_answered_with_a_500()
    {
        foreach (var page in PageUrls())
        {
            var answer = await PostAsync(page + "?handler=NoSuchHandler", ("x", "1"));
            // 403: a page this manager may not use at all (the admin's) refuses before any handler is chosen.
            Assert.True(answer.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"POST {page}?handler=NoSuchHandler answered {(int)answer.StatusCode}");
            var read = await _manager.GetAsync(page + "?handler=NoSuchHandler");
            Assert.True((int)read.StatusCode < 500, $"GET {page}?handler=NoSuchHandler answered {(int)read.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/search?q=mật ong", "/search?q=m%E1%BA%ADt%20ong")]
    [InlineData("/search?q=m%E1%BA%ADt", "/search?q=m%E1%BA%ADt")]
    [InlineData("/\u0001evil", "/")]
    [InlineData("/x\r\nSet-Cookie: a=b", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("\ud800", "/")]
    public async Task A_return_address_leads_only_back_into_the_site(string returnUrl, string expected)
    {
        var answer = await _manager.GetAsync("/culture?c=en-US&returnUrl=" + Uri.EscapeDataString(returnUrl.Replace("\ud800", "\u00e9", StringComparison.Ordinal)) + (returnUrl == "\ud800" ? "%ED%A0%80" : ""));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        if (returnUrl != "\ud800")
        {
            Assert.Equal(expected, answer.Headers.Location!.OriginalString);
        }
        Assert.StartsWith("/", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(answer.Headers.Location.OriginalString.StartsWith("//", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_sign_in_an_odd_return_address_is_never_followed_off_the_site_or_into_a_500()
    {
        foreach (var returnUrl in new[] { "/portal/x\u0007y", "//evil.example", "/sản-phẩm", "https://evil.example" })
        {
            var client = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var answer = await client.PostFormAsync("/account/login", "/account/login",
                ("SignInName", "0912000001"), ("Password", PortalWorld.Password), ("ReturnUrl", returnUrl));

            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            var location = answer.Headers.Location!.OriginalString;
            Assert.True(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && location.All(char.IsAscii), location);
        }
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1e1")]
    [InlineData("١٦")] // Arabic-Indic digits
    [InlineData("16.0")]
    [InlineData("99999999999")]
    public async Task A_quantity_in_another_notation_is_refused_and_nothing_is_added(string quantity)
    {
        var buyer = await _world.ClientAsync("buyer");
        var token = await buyer.AntiforgeryTokenAsync("/products/mien-dong-vi-huong");

        var answer = await buyer.PostAsync("/cart?handler=Add", Form(token, ("productId", _world.A.ProductId.ToString()), ("quantity", quantity)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Giỏ hàng đang trống.", await buyer.PageAsync("/cart"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_position_that_is_not_a_number_is_refused()
    {
        var answer = await PostAsync($"/portal/{_world.A.Slug}/products/{_world.A.ProductId}?handler=Move",
            ("photoId", Guid.NewGuid().ToString()), ("position", "abc"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Malformed_utf8_huge_headers_and_bodies_and_many_cookies_never_give_a_5xx_and_store_nothing()
    {
        var products = await _world.QueryAsync(db => db.Products.CountAsync());
        var orders = await _world.QueryAsync(db => db.Orders.CountAsync());
        var cookies = string.Join("; ", Enumerable.Range(0, 300).Select(i => $"c{i}={new string('v', 50)}"));
        foreach (var page in PageUrls().Append("/api/v1/products").Append("/api/v1/products/suggest").Append("/api/v1/provinces/HN/communes"))
        {
            foreach (var request in Hostile(page, cookies))
            {
                using (request)
                {
                    var answer = await _manager.SendAsync(request);
                    Assert.True((int)answer.StatusCode < 500, $"{request.Method} {request.RequestUri} answered {(int)answer.StatusCode}");
                }
            }
        }

        Assert.Equal(products, await _world.QueryAsync(db => db.Products.CountAsync()));
        Assert.Equal(orders, await _world.QueryAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task Every_answer_carries_a_strict_content_security_policy_and_no_sniffing()
    {
        foreach (var url in new[] { "/", "/products/mien-dong-vi-huong", "/api/v1/products?q=mien", "/no-such-page" })
        {
            var answer = await _manager.GetAsync(url);

            var policy = string.Join(' ', answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(' ', answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", string.Join(' ', answer.Headers.GetValues("Referrer-Policy")));
        }
        var home = await _manager.GetStringAsync("/");
        Assert.DoesNotContain(" style=\"", home, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", home);
    }

    private IEnumerable<HttpRequestMessage> Hostile(string page, string cookies)
    {
        yield return new HttpRequestMessage(HttpMethod.Get, page + "?q=%C3%28%FF&page=%E2%82&sort=%00");
        var huge = new HttpRequestMessage(HttpMethod.Get, page);
        huge.Headers.TryAddWithoutValidation("X-Huge", new string('a', 60_000));
        huge.Headers.TryAddWithoutValidation("Accept-Language", new string('x', 5_000));
        yield return huge;
        var crumbs = new HttpRequestMessage(HttpMethod.Get, page);
        crumbs.Headers.TryAddWithoutValidation("Cookie", cookies);
        yield return crumbs;
        yield return new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("__RequestVerificationToken=" + Uri.EscapeDataString(_token) + "&Form.Name=%C3%28&q="), 0xC3, 0x28, 0xFF])
            {
                Headers = { { "Content-Type", "application/x-www-form-urlencoded; charset=utf-8" } },
            },
        };
        yield return new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new StringContent("__RequestVerificationToken=" + Uri.EscapeDataString(_token) + "&Form.Note=" + new string('x', 6 * 1024 * 1024),
                Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        yield return new HttpRequestMessage(HttpMethod.Post, page) { Content = new StringContent("{\"not\":\"a form\"", Encoding.UTF8, "application/json") };
    }

    private Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) => _manager.PostAsync(url, Form(_token, fields));

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex(@"\{([a-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex Parameter();
}
