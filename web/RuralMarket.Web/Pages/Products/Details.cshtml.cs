using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Web.Catalog;

namespace RuralMarket.Web.Pages.Products;

public sealed class DetailsModel(ProductPages pages) : PageModel
{
    public ProductView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await pages.FindProductAsync(slug, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
