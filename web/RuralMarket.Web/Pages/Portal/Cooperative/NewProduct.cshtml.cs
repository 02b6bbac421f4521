using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>Lists a new product as a draft: it reaches the storefront only when published, after photos and stock are added.</summary>
public sealed class NewProductModel(RuralMarketDbContext db, TimeProvider clock) : PortalPageModel
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public ProductFormView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = ProductFormView.Of(Form, new FormErrors(), await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
        var errors = new FormErrors();
        View = ProductFormView.Of(Form, errors, cooperative);
        if (Form.Read(cooperative, errors) is not { } input)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var product = Product.Create(Guid.NewGuid(), Cooperative.Id, await FreeSlugAsync(input.Listing.Name, cancellationToken), input.Listing, input.Price, now);
        product.AssignProducers(input.Producers, now);
        if (input.Certificate is { } certificate)
        {
            product.Certify(certificate, now);
        }
        db.Products.Add(product);
        db.ActivityLog.Add(Cooperative.Activity("product.created", product.Name, now));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/portal/{Cooperative.Slug}/products/{product.Id}?done=created");
    }

    /// <summary>The name's slug, or the first of slug-2, slug-3 … no product has yet: storefront URLs are never reused.</summary>
    private async Task<string> FreeSlugAsync(string name, CancellationToken cancellationToken)
    {
        var stem = Slug.FromName(name);
        stem = stem.Length > Slug.MaxLength - 4 ? stem[..(Slug.MaxLength - 4)].TrimEnd('-') : stem;
        var taken = (await db.Products.AsNoTracking().Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return taken.Contains(stem) ? Enumerable.Range(2, taken.Count + 1).Select(n => $"{stem}-{n}").First(s => !taken.Contains(s)) : stem;
    }
}
