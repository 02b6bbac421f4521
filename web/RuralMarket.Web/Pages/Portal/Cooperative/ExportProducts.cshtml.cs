using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;
using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>Downloads the cooperative's products as CSV in the format the import reads.</summary>
public sealed class ExportProductsModel(ProductCsvExport export, TimeProvider clock) : PortalPageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        File(await export.WriteAsync(Cooperative.Id, cancellationToken), "text/csv; charset=utf-8",
            $"san-pham-{Cooperative.Slug}-{VietnamCalendar.Today(clock):yyyy-MM-dd}.csv");
}
