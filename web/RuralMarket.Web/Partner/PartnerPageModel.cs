using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Partner;

/// <summary>A page under <c>/partner/{partner}/</c>: the partner comes from the access check, never from the form.</summary>
public abstract class PartnerPageModel : PageModel
{
    public PortalPartner Partner => HttpContext.Features.Get<PortalPartner>()
        ?? throw new InvalidOperationException("A partner page ran without its partner access check.");
}
