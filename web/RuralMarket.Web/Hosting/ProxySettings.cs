using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> we
/// believe, as comma-separated addresses and CIDR networks. Empty (the default) trusts no one, so a sender cannot
/// choose the address its limits count against; k8s names the ingress network.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>e.g. <c>10.0.0.5, 10.0.0.6</c>.</summary>
    public string KnownProxies { get; set; } = string.Empty;

    /// <summary>e.g. <c>10.0.0.0/8, fd00::/8</c>.</summary>
    public string KnownNetworks { get; set; } = string.Empty;

    public IEnumerable<string> Proxies => Split(KnownProxies);

    public IEnumerable<string> Networks => Split(KnownNetworks);

    /// <summary>Sets the forwarded-headers middleware to believe only these proxies, through as many of them as there are.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        // With both lists empty the middleware would believe any sender, so then it reads no header at all.
        options.ForwardedHeaders = Proxies.Any() || Networks.Any() ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        options.ForwardLimit = null; // each hop is checked against the lists; the first untrusted one is the client
        options.KnownProxies.Clear(); // ASP.NET Core trusts loopback by default; we trust only what is configured
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static IEnumerable<string> Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal sealed class Validation : IValidateOptions<ProxySettings>
    {
        public ValidateOptionsResult Validate(string? name, ProxySettings settings)
        {
            var problems = settings.Proxies.Where(p => !IPAddress.TryParse(p, out _))
                .Select(p => $"{Section}:{nameof(KnownProxies)}: '{p}' is not an IP address.")
                .Concat(settings.Networks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
                    .Select(n => $"{Section}:{nameof(KnownNetworks)}: '{n}' is not a network in CIDR form (10.0.0.0/8)."))
                .ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
