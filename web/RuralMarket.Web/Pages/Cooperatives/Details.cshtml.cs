using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Web.Catalog;
using RuralMarket.Web.Cooperatives;

namespace RuralMarket.Web.Pages.Cooperatives;

public sealed class DetailsModel(ProductPages pages) : PageModel
{
    public CooperativeView View { get; private set; } = null!;

    public string StoryHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await pages.FindCooperativeAsync(slug, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        StoryHtml = StoryMarkdown.ToHtml(view.Cooperative.Story);
        return Page();
    }
}
