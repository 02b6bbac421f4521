namespace RuralMarket.Web.Traceability;

/// <summary>Where a trace code's page is, as printed on labels and stickers: on the site the printout was asked from.</summary>
public static class TraceLinks
{
    public static Uri SiteOf(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    public static string Of(Uri site, string code) => new Uri(site, $"trace/{code}").ToString();
}
