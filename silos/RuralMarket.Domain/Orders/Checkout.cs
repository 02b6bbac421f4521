using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

public enum CheckoutStatus
{
    /// <summary>Planned and reserving stock; a crash here is finished or undone when the checkout is resumed.</summary>
    Reserving,

    /// <summary>Every line was reserved and one order per cooperative placed.</summary>
    Placed,

    /// <summary>A line could not be had: nothing was placed and every reserved unit went back.</summary>
    Refused,
}

/// <summary>A product, how many, and whose order it goes on. Prices never come from the buyer.</summary>
public sealed record CheckoutItem(Guid ProductId, Guid CooperativeId, int Quantity, Guid OrderId);

/// <summary>The shipping fee the buyer was shown (and agreed to) for one cooperative's parcel.</summary>
public sealed record CheckoutShippingFee(Guid CooperativeId, Money Fee);

/// <summary>What a placed checkout hands the buyer for each order.</summary>
public sealed record PlacedOrder(Guid OrderId, string Code, string TrackingToken, Guid CooperativeId, Money Total);

/// <summary>
/// One buyer's checkout: the plan (which units go on which cooperative's order, chosen once, so retrying it never
/// makes a second order) and how it ended. It is a saga, not a transaction: lines are reserved one product at a time,
/// then the orders are placed, or every reservation is released.
/// </summary>
public sealed class Checkout : AggregateRoot
{
    private Checkout()
    {
        Recipient = null!;
        Items = [];
        Identities = [];
        ShippingFees = [];
        Orders = [];
    }

    public CheckoutStatus Status { get; private set; }

    public OrderRecipient Recipient { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    /// <summary>In product-id order, the order in which stock is reserved, so two checkouts never wait on each other in a circle.</summary>
    public IReadOnlyList<CheckoutItem> Items { get; private set; }

    /// <summary>The identity chosen for each cooperative's order.</summary>
    public IReadOnlyList<OrderIdentity> Identities { get; private set; }

    /// <summary>The fees quoted at checkout, per cooperative; a cooperative without one pays the weight table.</summary>
    public IReadOnlyList<CheckoutShippingFee> ShippingFees { get; private set; }

    public IReadOnlyList<PlacedOrder> Orders { get; private set; }

    public string? RefusalCode { get; private set; }

    public Guid? RefusedProductId { get; private set; }

    public string? RefusedProductName { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => Status != CheckoutStatus.Reserving;

    /// <summary>
    /// Plans a checkout. <paramref name="cooperativeOf"/> names each product's cooperative (null when the product does not exist);
    /// <paramref name="newIdentity"/> makes one order identity per cooperative; <paramref name="shippingFees"/> are the fees
    /// the buyer was shown, for cooperatives on this checkout only.
    /// </summary>
    public static Checkout Start(Guid id, OrderRecipient recipient, PaymentMethod paymentMethod, IReadOnlyList<(Guid ProductId, int Quantity)> lines,
        Func<Guid, Guid?> cooperativeOf, Func<Guid, OrderIdentity> newIdentity, DateTimeOffset now,
        IReadOnlyDictionary<Guid, Money>? shippingFees = null)
    {
        if (!Enum.IsDefined(paymentMethod))
        {
            throw new DomainException("order.payment_method_unknown", $"Unknown payment method {paymentMethod}.");
        }
        var merged = Merge(lines);
        var cooperatives = new Dictionary<Guid, Guid>();
        foreach (var productId in merged.Keys)
        {
            cooperatives[productId] = cooperativeOf(productId)
                ?? throw new DomainException("checkout.product_unavailable", $"Product {productId} is not for sale.");
        }
        var identities = cooperatives.Values.Distinct().ToDictionary(c => c, c => newIdentity(id));
        foreach (var (cooperativeId, fee) in shippingFees ?? new Dictionary<Guid, Money>())
        {
            if (!identities.ContainsKey(cooperativeId))
            {
                throw new DomainException("checkout.shipping_fee_cooperative", $"Cooperative {cooperativeId} has nothing on this checkout to ship.");
            }
            Order.RequireShippingFee(fee);
        }
        return new Checkout
        {
            Id = id,
            Status = CheckoutStatus.Reserving,
            Recipient = recipient,
            PaymentMethod = paymentMethod,
            Items = [.. merged.OrderBy(l => l.Key).Select(l => new CheckoutItem(l.Key, cooperatives[l.Key], l.Value, identities[cooperatives[l.Key]].Id))],
            Identities = [.. identities.Values],
            ShippingFees = [.. (shippingFees ?? new Dictionary<Guid, Money>()).OrderBy(f => f.Key).Select(f => new CheckoutShippingFee(f.Key, f.Value))],
            StartedAt = now,
        };
    }

    public OrderIdentity IdentityOf(Guid orderId) => Identities.Single(i => i.Id == orderId);

    /// <summary>The fee the buyer was shown for this cooperative's parcel, or null when none was quoted.</summary>
    public Money? ShippingFeeOf(Guid cooperativeId) => ShippingFees.FirstOrDefault(f => f.CooperativeId == cooperativeId)?.Fee;

    public void Place(IReadOnlyList<PlacedOrder> orders, DateTimeOffset now)
    {
        RequireReserving();
        Status = CheckoutStatus.Placed;
        Orders = orders;
        FinishedAt = now;
    }

    public void Refuse(DomainException refusal, DateTimeOffset now)
    {
        RequireReserving();
        Status = CheckoutStatus.Refused;
        RefusalCode = refusal.Code;
        if (refusal is OutOfStockException outOfStock)
        {
            RefusedProductId = outOfStock.ProductId;
            RefusedProductName = outOfStock.ProductName;
        }
        FinishedAt = now;
    }

    /// <summary>The refusal as it was first given, so a repeated submit hears the same answer.</summary>
    public DomainException Refusal() => RefusedProductId is { } productId
        ? new OutOfStockException(productId, RefusedProductName ?? string.Empty)
        : new DomainException(RefusalCode ?? "checkout.refused", "The checkout was refused.");

    private void RequireReserving()
    {
        if (IsFinished)
        {
            throw new DomainException("checkout.finished", $"Checkout {Id} has already ended ({Status}).");
        }
    }

    private static Dictionary<Guid, int> Merge(IReadOnlyList<(Guid ProductId, int Quantity)> lines)
    {
        if (lines.Count == 0)
        {
            throw new DomainException("checkout.empty", "The cart is empty.");
        }
        var merged = new Dictionary<Guid, int>();
        foreach (var (productId, quantity) in lines)
        {
            merged[productId] = OrderLine.RequireQuantity(merged.GetValueOrDefault(productId) + OrderLine.RequireQuantity(quantity));
        }
        return merged;
    }
}
