using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// Edits what a buyer reads about a product, its price, its producers and its OCOP certificate, all in one save.
/// A published product's change reaches search through the outbox, like every product change.
/// </summary>
public sealed class EditProductModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public ProductFormView View { get; private set; } = null!;

    public Product Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Form = ProductForm.Of(product);
        View = ProductFormView.Of(Form, new FormErrors(), await CooperativeAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        var errors = new FormErrors();
        var cooperative = await CooperativeAsync(cancellationToken);
        View = ProductFormView.Of(Form, errors, cooperative);
        if (Form.Read(cooperative, errors) is { } input)
        {
            if (await Refusal.OfAsync(() => grains.GetGrain<IProductGrain>(product.Id).DescribeAsync(input, Cooperative.Actor)) is not { } refusal)
            {
                return Redirect($"/portal/{Cooperative.Slug}/products/{product.Id}?done=saved");
            }
            errors.Add(refusal, ProductForm.FieldOfCode);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only this cooperative's products: another cooperative's id in the URL is simply not found.</summary>
    private async Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.CooperativeId == Cooperative.Id, cancellationToken);
        if (product is not null)
        {
            Product = product;
        }
        return product;
    }

    private Task<Domain.Cooperatives.Cooperative> CooperativeAsync(CancellationToken cancellationToken) =>
        db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == Cooperative.Id, cancellationToken);
}
