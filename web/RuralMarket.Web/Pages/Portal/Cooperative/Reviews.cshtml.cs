using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>Buyers' reviews of this cooperative's products, newest first; the manager answers each once, publicly.</summary>
public sealed class ReviewsModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
{
    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];

    /// <summary>The review whose answer was refused (order, product), what was typed, and why.</summary>
    public (Guid OrderId, Guid ProductId, string? Answer, string Key)? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reviews = await RecentReviews.OfAsync(db, Cooperative.Id, cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(Guid orderId, Guid productId, string? answer, CancellationToken cancellationToken)
    {
        // Only this cooperative's orders: another's order id is simply not found.
        if (!await db.Orders.AnyAsync(o => o.Id == orderId && o.CooperativeId == Cooperative.Id && o.Reviews.Any(r => r.ProductId == productId), cancellationToken))
        {
            return NotFound();
        }
        if (await Refusal.OfAsync(() => grains.GetGrain<IOrderGrain>(orderId).AnswerReviewAsync(productId, answer ?? string.Empty, Cooperative.Actor)) is { } refusal)
        {
            Error = (orderId, productId, answer, FormErrors.KeyOf(refusal.Code));
            Reviews = await RecentReviews.OfAsync(db, Cooperative.Id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/reviews");
    }
}
