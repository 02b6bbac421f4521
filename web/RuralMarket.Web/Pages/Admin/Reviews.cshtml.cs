using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>The newest reviews across the platform; an admin hides one from its product page with a reason (it is kept).</summary>
public sealed class ReviewsModel(RuralMarketDbContext db, IGrainFactory grains) : PageModel
{
    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Cooperatives { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The review whose hiding was refused (order, product), and why.</summary>
    public (Guid OrderId, Guid ProductId, string Key)? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostHideAsync(Guid orderId, Guid productId, string? reason, CancellationToken cancellationToken)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == orderId && o.Reviews.Any(r => r.ProductId == productId), cancellationToken))
        {
            return NotFound();
        }
        if (await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(orderId).HideReviewAsync(productId, reason ?? string.Empty, AccountClaims.AdminActorOf(User))) is { } refusal)
        {
            Error = (orderId, productId, FormErrors.KeyOf(refusal.Code));
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect("/admin/reviews");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reviews = await RecentReviews.OfAsync(db, null, cancellationToken);
        var ids = Reviews.Select(r => r.CooperativeId).Distinct().ToList();
        Cooperatives = await db.Cooperatives.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
    }
}
