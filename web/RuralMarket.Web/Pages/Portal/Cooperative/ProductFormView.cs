using RuralMarket.Domain.Cooperatives;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>What <c>_ProductForm</c> shows: the form, its errors, and the households that may be named as producers.</summary>
public sealed record ProductFormView(ProductForm Form, FormErrors Errors, IReadOnlyList<Household> Households)
{
    /// <summary>Active members, plus any former member the form still names (so the problem is visible, not hidden).</summary>
    public static ProductFormView Of(ProductForm form, FormErrors errors, CooperativeAggregate cooperative) =>
        new(form, errors, cooperative.Households.Where(h => h.IsActive || form.Shares.ContainsKey(h.Id)).ToList());
}
