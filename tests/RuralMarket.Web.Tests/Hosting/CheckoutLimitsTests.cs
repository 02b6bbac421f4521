using System.Net;
using Microsoft.AspNetCore.Http;
using RuralMarket.Web.Hosting;

namespace RuralMarket.Web.Tests.Hosting;

public class CheckoutLimitsTests
{
    [Theory]
    [InlineData("10.1.2.3", "", "10.1.2.3")]                              // in-cluster, no proxy header
    [InlineData("10.1.2.3", "113.160.1.1", "113.160.1.1")]                // behind our ingress
    [InlineData("10.1.2.3", "1.1.1.1, 113.160.1.1", "113.160.1.1")]       // a client-sent entry on the left is ignored
    [InlineData("192.168.0.9", "2402:800::1", "2402:800::1")]
    [InlineData("127.0.0.1", "14.160.0.7", "14.160.0.7")]
    [InlineData("113.160.1.1", "1.1.1.1", "113.160.1.1")]                 // a public peer cannot choose who it counts as
    [InlineData("10.1.2.3", "not-an-address", "10.1.2.3")]
    public void The_limit_counts_the_buyers_address_not_the_proxys(string peer, string forwardedFor, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        Assert.Equal(expected, PostLimit.ClientKey(context));
    }
}
