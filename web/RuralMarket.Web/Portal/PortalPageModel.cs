using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Portal;

/// <summary>A page under <c>/portal/{cooperative}/</c>: the cooperative comes from the access check, never from the form.</summary>
public abstract class PortalPageModel : PageModel
{
    public PortalCooperative Cooperative => HttpContext.Features.Get<PortalCooperative>()
        ?? throw new InvalidOperationException("A portal page ran without its cooperative access check.");
}
