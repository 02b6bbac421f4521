using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;

namespace RuralMarket.Web.Pages;

public sealed class IndexModel(IProductSearch search, TimeProvider clock) : PageModel
{
    public const int PageSize = 24;

    public ProductSearchResult Products { get; private set; } = new([], 0, new SearchFacets([], [], []));

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Products.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber is < 1 or > ProductSearchQuery.Limits.MaxPage)
        {
            return BadRequest();
        }
        PageNumber = pageNumber;
        Products = await search.SearchAsync(new ProductSearchQuery { Page = pageNumber, PageSize = PageSize, Today = VietnamCalendar.Today(clock) }, cancellationToken);
        return Page();
    }
}
