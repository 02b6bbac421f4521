using Microsoft.AspNetCore.Localization;

namespace RuralMarket.Web.Hosting;

public static class CultureEndpoint
{
    /// <summary>
    /// <c>/culture?c=en-US&amp;returnUrl=/search?q=…</c>: remembers the language in a cookie and goes back.
    /// Only local return addresses are followed, so the link cannot send anyone elsewhere.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (string? c, string? returnUrl, HttpContext context) =>
        {
            var culture = StorefrontHostingExtensions.Cultures.FirstOrDefault(x => x.Name == c) ?? StorefrontHostingExtensions.Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.Redirect(LocalReturnUrl.Or(returnUrl, "/"));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
