using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Domain.Catalog;

/// <summary>
/// A product of one cooperative, produced by one or more of its member households. <see cref="Stock"/> is what can
/// still be sold: an order's units leave it when they are reserved and come back when the reservation is released.
/// The floor of zero is enforced here and by a CHECK constraint.
/// </summary>
public sealed partial class Product : AggregateRoot
{
    public const int MaxPhotos = 8;
    public const int MaxStock = 1_000_000;
    public static readonly Money MaxPrice = Money.FromDong(1_000_000_000);

    private readonly List<ProducerShare> _producers = [];
    private readonly List<ProductPhoto> _photos = [];
    private readonly List<StockReservation> _reservations = [];

    private Product()
    {
        Slug = Name = Description = Origin = Harvest = EnglishName = EnglishDescription = string.Empty;
    }

    public Guid CooperativeId { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public ProductCategory Category { get; private set; }

    public SalesUnit Unit { get; private set; }

    public int NetWeightGrams { get; private set; }

    public string Origin { get; private set; }

    public string Harvest { get; private set; }

    /// <summary>Optional; see <see cref="ProductListing.EnglishName"/>.</summary>
    public string EnglishName { get; private set; }

    public string EnglishDescription { get; private set; }

    public Money Price { get; private set; }

    public int Stock { get; private set; }

    public ProductStatus Status { get; private set; }

    public OcopCertificate? Certificate { get; private set; }

    /// <summary>When the platform checked <see cref="Certificate"/>; null while it waits. Only a checked certificate earns the badge.</summary>
    public DateTimeOffset? CertificateCheckedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<ProducerShare> Producers => _producers;

    public IReadOnlyList<ProductPhoto> Photos => _photos;

    /// <summary>Units held for orders that are neither packed nor cancelled yet.</summary>
    public IReadOnlyList<StockReservation> Reservations => _reservations;

    /// <summary>"For sale": published, by a cooperative the platform has verified.</summary>
    public bool IsForSale(bool sellerVerified) => Status == ProductStatus.Published && sellerVerified;

    public ProductListing Listing => new(Name, Description, Category, Unit, NetWeightGrams, Origin, Harvest, EnglishName, EnglishDescription);

    public static Product Create(Guid id, Guid cooperativeId, string slug, ProductListing listing, Money price, DateTimeOffset now)
    {
        var product = new Product
        {
            Id = id,
            CooperativeId = cooperativeId,
            Slug = Shared.Slug.Require(slug),
            Status = ProductStatus.Draft,
            CreatedAt = now,
        };
        product.Apply(listing);
        product.Price = RequireSellablePrice(price);
        product.Changed(now);
        return product;
    }

    /// <summary>A draft product as described; stock and photos come after.</summary>
    public static Product Create(Guid id, Guid cooperativeId, string slug, ProductDetails details, DateTimeOffset now)
    {
        var product = Create(id, cooperativeId, slug, details.Listing, details.Price, now);
        product.Describe(details, now);
        return product;
    }

    /// <summary>Makes the product say what the details say; a certificate left out is removed.</summary>
    public void Describe(ProductDetails details, DateTimeOffset now)
    {
        Revise(details.Listing, now);
        ChangePrice(details.Price, now);
        AssignProducers(details.Producers, now);
        if (details.Certificate is { } certificate)
        {
            Certify(certificate, now);
        }
        else
        {
            RemoveCertificate(now);
        }
    }

    public void Revise(ProductListing listing, DateTimeOffset now)
    {
        RequireNotArchived();
        Apply(listing);
        Changed(now);
    }

    public void ChangePrice(Money price, DateTimeOffset now)
    {
        RequireNotArchived();
        Price = RequireSellablePrice(price);
        Changed(now);
    }

    public void AdjustStock(int delta, DateTimeOffset now)
    {
        var stock = (long)Stock + delta;
        if (stock < 0)
        {
            throw new DomainException("product.stock_negative", $"Stock cannot go below zero ({Stock} {delta:+#;-#;0}).");
        }
        if (stock > MaxStock)
        {
            throw new DomainException("product.stock_too_large", $"Stock cannot exceed {MaxStock}.");
        }
        Stock = (int)stock;
        Changed(now);
    }

    /// <summary>
    /// Holds units for an order. Asking again for the same order answers the units already held, so a checkout that
    /// is resumed after a crash never takes them twice. Selling the last unit raises <see cref="ProductChanged"/>
    /// (search shows it out of stock).
    /// </summary>
    public StockReservation Reserve(Guid orderId, int quantity, bool sellerVerified, DateTimeOffset now)
    {
        if (_reservations.Find(r => r.OrderId == orderId) is { } held)
        {
            return held;
        }
        OrderLine.RequireQuantity(quantity);
        if (!IsForSale(sellerVerified))
        {
            throw new DomainException("checkout.product_unavailable", $"Product {Id} is not for sale.");
        }
        if (quantity > Stock)
        {
            throw new OutOfStockException(Id, Name);
        }
        var reservation = new StockReservation(orderId, quantity, now);
        _reservations.Add(reservation);
        Stock -= quantity;
        if (Stock == 0)
        {
            Changed(now);
        }
        return reservation;
    }

    /// <summary>Gives an order's units back (it was cancelled or expired). Releasing twice, or what was never held, changes nothing.</summary>
    public int Release(Guid orderId, DateTimeOffset now)
    {
        if (_reservations.Find(r => r.OrderId == orderId) is not { } held)
        {
            return 0;
        }
        _reservations.Remove(held);
        var wasSoldOut = Stock == 0;
        Stock += held.Quantity;
        if (wasSoldOut)
        {
            Changed(now);
        }
        return held.Quantity;
    }

    /// <summary>
    /// The order was packed: its units are sold for good and no longer held, and they leave the batch they were packed
    /// from (the packer's choice, checked before packing; first in, first out when there was none or it has run out
    /// meanwhile), which is answered. Unknown or already packed orders change nothing.
    /// </summary>
    public ProductBatch? Fulfil(Guid orderId, Guid? chosenBatchId = null)
    {
        if (_reservations.Find(r => r.OrderId == orderId) is not { } held)
        {
            return null;
        }
        _reservations.Remove(held);
        var chosen = _batches.Find(b => b.Id == chosenBatchId && b.Remaining >= held.Quantity);
        var batch = chosen ?? FirstInFirstOut(held.Quantity);
        batch?.Pack(held.Quantity);
        return batch;
    }

    public void AssignProducers(IReadOnlyCollection<ProducerShare> shares, DateTimeOffset now)
    {
        ProducerShare.RequireComplete(shares);
        _producers.Clear();
        _producers.AddRange(shares);
        Changed(now);
    }

    /// <summary>A new or changed certificate waits for the platform's check before the badge shows; the same one again keeps its check.</summary>
    public void Certify(OcopCertificate certificate, DateTimeOffset now)
    {
        RequireNotArchived();
        if (Certificate is { } current && current.SameAs(certificate))
        {
            return;
        }
        Certificate = certificate;
        CertificateCheckedAt = null;
        Changed(now);
    }

    public void RemoveCertificate(DateTimeOffset now)
    {
        RequireNotArchived();
        if (Certificate is null)
        {
            return;
        }
        Certificate = null;
        CertificateCheckedAt = null;
        Changed(now);
    }

    /// <summary>The platform has compared the certificate with the issuer's decision: the badge may show.</summary>
    public void ConfirmCertificate(DateTimeOffset now)
    {
        if (Certificate is null)
        {
            throw new DomainException("ocop.none", $"Product {Id} has no OCOP certificate to confirm.");
        }
        CertificateCheckedAt = now;
        Changed(now);
    }

    /// <summary>The platform found the certificate wrong: it is taken off, and the cooperative may enter a correct one.</summary>
    public void WithdrawCertificate(DateTimeOffset now)
    {
        if (Certificate is null)
        {
            throw new DomainException("ocop.none", $"Product {Id} has no OCOP certificate to withdraw.");
        }
        Certificate = null;
        CertificateCheckedAt = null;
        Changed(now);
    }

    public void AddPhoto(PhotoVariants photo, DateTimeOffset now)
    {
        RequireNotArchived();
        if (_photos.Count >= MaxPhotos)
        {
            throw new DomainException("product.too_many_photos", $"A product has at most {MaxPhotos} photos.");
        }
        if (_photos.Any(p => p.PhotoId == photo.PhotoId))
        {
            throw new DomainException("product.photo_duplicate", $"Photo {photo.PhotoId} is already on product {Id}.");
        }
        _photos.Add(new ProductPhoto(photo, _photos.Count));
        Changed(now);
    }

    /// <summary>Moves a photo to a position (0 makes it the cover); the others keep their order.</summary>
    public void MovePhoto(Guid photoId, int position, DateTimeOffset now)
    {
        RequireNotArchived();
        var photo = PhotoOrThrow(photoId);
        var order = _photos.OrderBy(p => p.Position).Where(p => p.PhotoId != photoId).Select(p => p.Variants).ToList();
        order.Insert(Math.Clamp(position, 0, order.Count), photo.Variants);
        Renumber(order);
        Changed(now);
    }

    public PhotoVariants RemovePhoto(Guid photoId, DateTimeOffset now)
    {
        RequireNotArchived();
        var photo = PhotoOrThrow(photoId);
        Renumber([.. _photos.OrderBy(p => p.Position).Where(p => p.PhotoId != photoId).Select(p => p.Variants)]);
        Changed(now);
        return photo.Variants;
    }

    private ProductPhoto PhotoOrThrow(Guid photoId) =>
        _photos.FirstOrDefault(p => p.PhotoId == photoId)
        ?? throw new DomainException("product.photo_not_found", $"Product {Id} has no photo {photoId}.");

    private void Renumber(List<PhotoVariants> order)
    {
        _photos.Clear();
        _photos.AddRange(order.Select((photo, position) => new ProductPhoto(photo, position)));
    }

    public void Publish(DateTimeOffset now)
    {
        RequireNotArchived();
        if (Status == ProductStatus.Published)
        {
            throw new DomainException("product.already_published", $"Product {Id} is already published.");
        }
        if (_producers.Count == 0)
        {
            throw new DomainException("product.producers_required", "A product needs its producing households before it is published.");
        }
        Status = ProductStatus.Published;
        PublishedAt = now;
        Changed(now);
    }

    public void Archive(DateTimeOffset now)
    {
        RequireNotArchived();
        Status = ProductStatus.Archived;
        Changed(now);
    }

    public bool HasValidOcopOn(DateOnly day) => CertificateCheckedAt is not null && Certificate?.IsValidOn(day) == true;

    private void Apply(ProductListing listing)
    {
        Name = listing.Name;
        Description = listing.Description;
        Category = listing.Category;
        Unit = listing.Unit;
        NetWeightGrams = listing.NetWeightGrams;
        Origin = listing.Origin;
        Harvest = listing.Harvest;
        EnglishName = listing.EnglishName;
        EnglishDescription = listing.EnglishDescription;
    }

    public static Money RequireSellablePrice(Money price) =>
        price.Dong == 0 || price > MaxPrice
            ? throw new DomainException("product.price_out_of_range", $"A price must be 1 to {MaxPrice.Dong} đồng, not {price.Dong}.")
            : price;

    private void RequireNotArchived()
    {
        if (Status == ProductStatus.Archived)
        {
            throw new DomainException("product.archived", $"Product {Id} is archived and cannot change.");
        }
    }

    /// <summary>One ProductChanged per save is enough: it says "read me again", not what changed.</summary>
    private void Changed(DateTimeOffset now)
    {
        if (!PendingEvents.OfType<ProductChanged>().Any())
        {
            Raise(new ProductChanged(Id, CooperativeId, now));
        }
    }
}
