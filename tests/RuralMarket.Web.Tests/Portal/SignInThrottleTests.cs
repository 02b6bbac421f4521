using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>
/// Wrong passwords slow down the address that typed them, not the account: a stranger guessing a manager's password
/// cannot shut the manager out, and the answers do not tell which sign-in names exist.
/// </summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task A_stranger_guessing_is_slowed_down_alike_for_real_and_unknown_names_and_the_owner_still_signs_in()
    {
        await using var world = await PortalWorld.CreateAsync(services: services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
        var app = world.App;
        var stranger = Client(app, "113.160.1.1");
        var owner = Client(app, "14.160.0.7");

        var answers = new Dictionary<string, List<string>>();
        foreach (var name in new[] { "0912000002", "0987000111" }) // a manager's phone, and a phone no account has
        {
            answers[name] = [];
            for (var attempt = 0; attempt < 4; attempt++) // 8 posts and one more: under the 10 sign-in posts an address may make
            {
                var page = await stranger.PostFormAsync("/account/login", "/account/login", ("SignInName", name), ("Password", "doan-mo-" + attempt));
                answers[name].Add(Message(await page.BodyAsync()));
            }
        }
        var rightPasswordFromStranger = await stranger.PostFormAsync("/account/login", "/account/login", ("SignInName", "0912000002"), ("Password", PortalWorld.Password));
        var ownerSignsIn = await owner.PostFormAsync("/account/login", "/account/login", ("SignInName", "0912000002"), ("Password", PortalWorld.Password));

        Assert.Equal(answers["0912000002"], answers["0987000111"]);
        Assert.Equal(3, answers["0912000002"].Count(m => m == "Số điện thoại/e-mail hoặc mật khẩu không đúng."));
        Assert.Contains("Đã nhập sai nhiều lần. Vui lòng đợi", answers["0912000002"][3], StringComparison.Ordinal);
        Assert.Contains("Đã nhập sai nhiều lần. Vui lòng đợi", Message(await rightPasswordFromStranger.BodyAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ownerSignsIn.StatusCode);
        Assert.Equal("/portal", ownerSignsIn.Headers.Location!.OriginalString);
    }

    private static HttpClient Client(RuralMarketApp app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(PeerFromHeader.Header, address);
        return client;
    }

    private static string Message(string page)
    {
        var start = page.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        return start < 0 ? string.Empty : page[(start + 13)..page.IndexOf("</p>", start, StringComparison.Ordinal)].Trim();
    }

    /// <summary>For tests only: the in-memory server has no client address, so this sets it from a header, as a connection would.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[Header], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
