using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Web.Apis;
using RuralMarket.Web.Catalog;

namespace RuralMarket.Web.Pages;

public sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public const int PageSize = 24;

    public ProductPage Products { get; private set; } = new([], 0, 1, PageSize);

    public int PageCount => Math.Max(1, (Products.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber is < 1 or > ProductsApi.MaxPage)
        {
            return BadRequest();
        }
        Products = await catalog.ListPublishedAsync(pageNumber, PageSize, cancellationToken);
        return Page();
    }
}
