using System.Globalization;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.Portal;

/// <summary>
/// What the product form posts, all as text so that "abc" in a number field is answered beside that field rather than
/// silently becoming 0. <see cref="Read"/> checks every part with the domain's own rules and reports each broken one.
/// </summary>
public sealed class ProductForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["product.name"] = nameof(Name), ["product.description"] = nameof(Description), ["product.category_unknown"] = nameof(Category),
        ["product.unit_unknown"] = nameof(Unit), ["product.weight_out_of_range"] = nameof(NetWeightGrams), ["product.origin"] = nameof(Origin),
        ["product.harvest"] = nameof(Harvest),
        ["product.english_name"] = nameof(EnglishName), ["product.english_description"] = nameof(EnglishDescription), ["product.price_out_of_range"] = nameof(Price), ["price"] = nameof(Price),
        ["product.share_out_of_range"] = nameof(Shares), ["product.shares_not_100"] = nameof(Shares), ["product.producers_required"] = nameof(Shares),
        ["product.producer_duplicate"] = nameof(Shares), ["product.producer_not_member"] = nameof(Shares),
        ["ocop.stars_out_of_range"] = nameof(Stars), ["ocop.wrong_level"] = nameof(Level), ["ocop.number"] = nameof(CertificateNumber),
        ["ocop.expiry_before_issue"] = nameof(ExpiresOn), ["ocop.validity_too_long"] = nameof(ExpiresOn),
    };

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public string? Unit { get; set; }

    public string? NetWeightGrams { get; set; }

    public string? Origin { get; set; }

    public string? Harvest { get; set; }

    public string? EnglishName { get; set; }

    public string? EnglishDescription { get; set; }

    public string? Price { get; set; }

    /// <summary>Household id → the percent typed for it; a blank one is not a producer.</summary>
    public Dictionary<Guid, string?> Shares { get; set; } = [];

    public bool Certified { get; set; }

    public string? Stars { get; set; }

    public string? CertificateNumber { get; set; }

    public string? Level { get; set; }

    public string? IssuedOn { get; set; }

    public string? ExpiresOn { get; set; }

    public static ProductForm Of(Product product) => new()
    {
        Name = product.Name, Description = product.Description, Category = product.Category.ToString(), Unit = product.Unit.ToString(),
        NetWeightGrams = product.NetWeightGrams.ToString(CultureInfo.InvariantCulture), Origin = product.Origin, Harvest = product.Harvest,
        EnglishName = product.EnglishName, EnglishDescription = product.EnglishDescription,
        Price = product.Price.Dong.ToString(CultureInfo.InvariantCulture),
        Shares = product.Producers.ToDictionary(p => p.HouseholdId, p => (string?)p.Percent.ToString(CultureInfo.InvariantCulture)),
        Certified = product.Certificate is not null,
        Stars = product.Certificate?.Stars.ToString(CultureInfo.InvariantCulture), CertificateNumber = product.Certificate?.Number,
        Level = product.Certificate?.Level.ToString(), IssuedOn = product.Certificate?.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ExpiresOn = product.Certificate?.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The product this form describes, or null with every problem in <paramref name="errors"/>.</summary>
    public ProductDetails? Read(CooperativeAggregate cooperative, FormErrors errors)
    {
        var category = errors.Named<ProductCategory>(Category, nameof(Category));
        var unit = errors.Named<SalesUnit>(Unit, nameof(Unit));
        var weight = errors.WholeNumber(NetWeightGrams, nameof(NetWeightGrams));
        ProductListing? listing = null;
        if (category is { } c && unit is { } u && weight is { } w)
        {
            listing = errors.Capture(() => new ProductListing(Name ?? string.Empty, Description ?? string.Empty, c, u, w, Origin ?? string.Empty, Harvest ?? string.Empty,
                EnglishName ?? string.Empty, EnglishDescription ?? string.Empty), FieldOfCode);
        }
        var price = errors.Capture(() => (Money?)Product.RequireSellablePrice(Money.Parse(Price, "price")), FieldOfCode);
        var producers = ReadShares(cooperative, errors);
        var certificate = Certified ? ReadCertificate(errors) : null;
        return errors.IsEmpty && listing is not null && price is { } p && producers is not null
            ? new ProductDetails(listing, p, producers, certificate)
            : null;
    }

    private List<ProducerShare>? ReadShares(CooperativeAggregate cooperative, FormErrors errors)
    {
        var shares = new List<ProducerShare>();
        foreach (var (householdId, typed) in Shares.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            if (errors.WholeNumber(typed, nameof(Shares)) is not { } percent)
            {
                return null;
            }
            if (errors.Capture(() => new ProducerShare(householdId, percent), FieldOfCode) is not { } share)
            {
                return null;
            }
            shares.Add(share);
        }
        return errors.Capture(() =>
        {
            cooperative.RequireActiveMembers(shares.Select(s => s.HouseholdId));
            ProducerShare.RequireComplete(shares);
            return shares;
        }, FieldOfCode);
    }

    private OcopCertificate? ReadCertificate(FormErrors errors)
    {
        var stars = errors.WholeNumber(Stars, nameof(Stars));
        var level = errors.Named<IssuingLevel>(Level, nameof(Level));
        var issued = errors.Date(IssuedOn, nameof(IssuedOn));
        var expires = errors.Date(ExpiresOn, nameof(ExpiresOn));
        return stars is { } s && level is { } l && issued is { } i && expires is { } e
            ? errors.Capture(() => new OcopCertificate(s, CertificateNumber ?? string.Empty, l, i, e), FieldOfCode)
            : null;
    }
}
