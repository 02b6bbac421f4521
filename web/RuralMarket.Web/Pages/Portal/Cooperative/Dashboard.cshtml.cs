using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>The manager's dashboard: orders and revenue by week, top products, and what each household earned.</summary>
public sealed class DashboardModel(SalesReports reports) : PortalPageModel
{
    public static readonly int[] Periods = [4, 8, 12, 26];

    [FromQuery(Name = "weeks")]
    public int Weeks { get; set; } = 8;

    public SalesReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Anything but an offered period shows the default rather than failing or scanning years of orders.
        Weeks = Periods.Contains(Weeks) ? Weeks : 8;
        Report = await reports.ForAsync(Cooperative.Id, Weeks, cancellationToken);
    }
}
