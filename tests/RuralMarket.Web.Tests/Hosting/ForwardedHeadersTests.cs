using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RuralMarket.Web.Hosting;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>
/// Whose address a rate limit counts: the forwarded-headers middleware, set from <c>ForwardedHeaders:*</c>, believes
/// X-Forwarded-For only from the proxies named there. By default no one is believed, so a sender on the same LAN
/// (or on loopback) cannot pick a fresh address for every sign-in guess or checkout.
/// </summary>
public class ForwardedHeadersTests
{
    [Theory]
    [InlineData("", "127.0.0.1", "14.160.0.7", "127.0.0.1")]                      // the embedded default on loopback
    [InlineData("", "192.168.0.9", "2402:800::1", "192.168.0.9")]                 // a LAN neighbour of 0.0.0.0
    [InlineData("", "10.1.2.3", "113.160.1.1", "10.1.2.3")]
    [InlineData("10.0.0.0/8", "10.1.2.3", "", "10.1.2.3")]                        // in-cluster, no proxy header
    [InlineData("10.0.0.0/8", "10.1.2.3", "113.160.1.1", "113.160.1.1")]          // behind our ingress
    [InlineData("10.0.0.0/8", "10.1.2.3", "1.1.1.1, 113.160.1.1", "113.160.1.1")] // a client-sent entry on the left is ignored
    [InlineData("10.0.0.0/8", "10.1.2.3", "1.1.1.1, 10.4.4.4, 113.160.1.1", "113.160.1.1")]
    [InlineData("10.0.0.0/8", "113.160.1.1", "1.1.1.1", "113.160.1.1")]           // a public peer cannot choose who it counts as
    [InlineData("10.0.0.0/8", "10.1.2.3", "not-an-address", "10.1.2.3")]
    public async Task A_limit_counts_the_forwarded_address_only_from_a_configured_proxy(string networks, string peer, string forwardedFor, string counted)
    {
        var context = await ThroughMiddlewareAsync(new ProxySettings { KnownNetworks = networks }, peer, forwardedFor);

        Assert.Equal(counted, PostLimit.ClientKey(context));
    }

    [Fact]
    public async Task A_named_proxy_is_believed_and_its_forwarded_scheme_too()
    {
        var settings = new ProxySettings { KnownProxies = "127.0.0.1" };

        var context = await ThroughMiddlewareAsync(settings, "127.0.0.1", "14.160.0.7", proto: "https");

        Assert.Equal("14.160.0.7", PostLimit.ClientKey(context));
        Assert.True(context.Request.IsHttps);
        Assert.False((await ThroughMiddlewareAsync(new ProxySettings(), "127.0.0.1", "14.160.0.7", proto: "https")).Request.IsHttps);
    }

    [Fact]
    public async Task The_app_reads_its_proxies_from_configuration_and_trusts_nobody_else()
    {
        await using var app = await RuralMarketApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, fd00::/8",
            ["ForwardedHeaders:KnownProxies"] = "203.0.113.7",
        });

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(["10.0.0.0/8", "fd00::/8"], options.KnownIPNetworks.Select(n => n.ToString()));
        Assert.Equal([IPAddress.Parse("203.0.113.7")], options.KnownProxies);
    }

    private static async Task<HttpContext> ThroughMiddlewareAsync(ProxySettings settings, string peer, string forwardedFor, string? proto = null)
    {
        var options = new ForwardedHeadersOptions();
        settings.ApplyTo(options);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
        if (proto is not null)
        {
            context.Request.Headers["X-Forwarded-Proto"] = proto;
        }
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        await middleware.Invoke(context);
        return context;
    }
}
