using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>Lists a new product as a draft: it reaches the storefront only when published, after photos and stock are added.</summary>
public sealed class NewProductModel(RuralMarketDbContext db, IGrainFactory grains) : PortalPageModel
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
        var slug = await FreeSlugs.ForProductAsync(db, input.Listing.Name, cancellationToken);
        var id = Guid.NewGuid();
        if (await Refusal.OfAsync(() => grains.GetGrain<IProductGrain>(id).CreateAsync(Cooperative.Id, slug, input, Cooperative.Actor)) is { } refusal)
        {
            errors.Add(refusal, ProductForm.FieldOfCode);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/portal/{Cooperative.Slug}/products/{id}?done=created");
    }
}
