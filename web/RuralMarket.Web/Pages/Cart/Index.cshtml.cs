using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Cart;

namespace RuralMarket.Web.Pages.Cart;

/// <summary>The guest cart. Every change is a form post (antiforgery-checked) followed by a redirect back here.</summary>
public sealed class IndexModel(GuestCart cart, CartPricing pricing, RuralMarketDbContext db) : PageModel
{
    public CartSummary Summary { get; private set; } = new([], []);

    /// <summary>The fees shown are the weight table's; the checkout asks the carrier once it has the address.</summary>
    public bool ShippingEstimated => pricing.QuotesByCarrier;

    /// <summary>A message from the last change (resource key), shown at the top.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await pricing.PriceAsync(cart.Read(HttpContext), cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(Guid productId, int quantity, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == productId && p.Status == ProductStatus.Published, cancellationToken);
        var lines = cart.Read(HttpContext).ToList();
        var existing = lines.FindIndex(l => l.ProductId == productId);
        var total = quantity + (existing >= 0 ? lines[existing].Quantity : 0);
        Notice = product is null ? "cart.notice.unavailable"
            : quantity is < 1 or > OrderLine.MaxQuantity || total > OrderLine.MaxQuantity ? "cart.notice.quantity"
            : existing < 0 && lines.Count >= GuestCart.MaxLines ? "cart.notice.full"
            : "cart.notice.added";
        if (Notice == "cart.notice.added")
        {
            var line = new CartLine(productId, total, product!.Price.Dong);
            if (existing >= 0)
            {
                lines[existing] = line;
            }
            else
            {
                lines.Add(line);
            }
            cart.Write(HttpContext, lines);
        }
        return RedirectToPage();
    }

    /// <summary>New quantities for the lines (0 removes one); seeing the cart again accepts today's prices.</summary>
    public async Task<IActionResult> OnPostUpdateAsync([FromForm] Dictionary<Guid, int> quantities, CancellationToken cancellationToken)
    {
        var lines = cart.Read(HttpContext);
        if (!ModelState.IsValid || quantities.Values.Any(q => q is < 0 or > OrderLine.MaxQuantity))
        {
            Notice = "cart.notice.quantity";
            return RedirectToPage();
        }
        var current = await pricing.PriceAsync(lines, cancellationToken);
        var prices = current.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Line.ProductId, i => i.Price.Dong);
        var updated = lines
            .Select(l => l with { Quantity = quantities.GetValueOrDefault(l.ProductId, l.Quantity), PriceSeenDong = prices.GetValueOrDefault(l.ProductId, l.PriceSeenDong) })
            .Where(l => l.Quantity > 0 && prices.ContainsKey(l.ProductId))
            .ToList();
        cart.Write(HttpContext, updated);
        Notice = "cart.notice.updated";
        return RedirectToPage();
    }

    public IActionResult OnPostRemove(Guid productId)
    {
        cart.Write(HttpContext, cart.Read(HttpContext).Where(l => l.ProductId != productId).ToList());
        Notice = "cart.notice.removed";
        return RedirectToPage();
    }
}
