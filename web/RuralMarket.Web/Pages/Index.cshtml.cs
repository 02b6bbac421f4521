using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Domain.Shared;
using RuralMarket.Search;
using RuralMarket.Web.Catalog;

namespace RuralMarket.Web.Pages;

/// <summary>The front page: featured OCOP products, ways in by province and category, and the cooperatives' stories.</summary>
public sealed class IndexModel(IProductSearch search, ProductPages pages, TimeProvider clock) : PageModel
{
    public const int FeaturedCount = 12;

    public ProductSearchResult Featured { get; private set; } = new([], 0, new SearchFacets([], [], []));

    public IReadOnlyList<CooperativeSummary> Cooperatives { get; private set; } = [];

    /// <summary>True when search could not answer: the page still shows the cooperatives, with a notice.</summary>
    public bool SearchUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Browsing without text ranks certified, in-stock products first; its facets give the province and category links.
        try
        {
            Featured = await search.SearchAsync(new ProductSearchQuery { PageSize = FeaturedCount, Today = VietnamCalendar.Today(clock) }, cancellationToken);
        }
        catch (SearchUnavailableException)
        {
            SearchUnavailable = true;
        }
        Cooperatives = await pages.CooperativesAsync(cancellationToken);
        return Page();
    }
}
