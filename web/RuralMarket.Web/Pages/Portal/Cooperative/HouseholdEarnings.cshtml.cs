using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// A household's earnings, month by month and product by product, and what has been paid out for it; the same data as a
/// printable one-page statement for one month (<c>?month=2026-12</c>), for households without a phone. Managers and
/// helpers both see it; it shows no bank details. Another cooperative's household is not found.
/// </summary>
public sealed class HouseholdEarningsModel(RuralMarketDbContext db) : PortalPageModel
{
    public Household Household { get; private set; } = null!;

    public string CooperativeName { get; private set; } = string.Empty;

    public HouseholdEarnings Earnings { get; private set; } = null!;

    /// <summary>The month printed, when the statement was asked for.</summary>
    public DateOnly? Month { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid household, CancellationToken cancellationToken) => LoadAsync(household, null, cancellationToken);

    public Task<IActionResult> OnGetStatementAsync(Guid household, string? month, CancellationToken cancellationToken) =>
        DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? LoadAsync(household, first, cancellationToken)
            : Task.FromResult<IActionResult>(BadRequest());

    private async Task<IActionResult> LoadAsync(Guid household, DateOnly? month, CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking().Where(c => c.Id == Cooperative.Id)
            .Select(c => new { c.Name, c.Households }).SingleAsync(cancellationToken);
        if (cooperative.Households.FirstOrDefault(h => h.Id == household) is not { } member)
        {
            return NotFound();
        }
        Household = member;
        CooperativeName = cooperative.Name;
        Earnings = await HouseholdEarnings.OfAsync(db, household, cancellationToken);
        Month = month;
        return Page();
    }
}
