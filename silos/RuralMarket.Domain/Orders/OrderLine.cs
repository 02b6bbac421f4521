using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>One product in an order, with the name and price it had when the buyer placed the order.</summary>
public sealed record OrderLine
{
    public const int MaxQuantity = 999;

    public OrderLine(Guid productId, string productName, Money unitPrice, int quantity, int unitWeightGrams)
    {
        RequireQuantity(quantity);
        if (unitPrice.Dong == 0)
        {
            throw new DomainException("order.price_zero", "A line cannot be free.");
        }
        if (unitWeightGrams < 1)
        {
            throw new DomainException("order.weight_out_of_range", "A line needs the unit's weight in grams.");
        }
        ProductId = productId;
        ProductName = DomainText.Require(productName, "order.product_name", 200);
        UnitPrice = unitPrice;
        Quantity = quantity;
        UnitWeightGrams = unitWeightGrams;
    }

    /// <summary>How many of one product a buyer may ask for: 1 to <see cref="MaxQuantity"/>.</summary>
    public static int RequireQuantity(int quantity) =>
        quantity is < 1 or > MaxQuantity
            ? throw new DomainException("order.quantity_out_of_range", $"Quantity must be 1 to {MaxQuantity}, not {quantity}.")
            : quantity;

    public Guid ProductId { get; private set; }

    public string ProductName { get; private set; }

    public Money UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public int UnitWeightGrams { get; private set; }

    public Money Total => UnitPrice * Quantity;

    public long WeightGrams => (long)UnitWeightGrams * Quantity;
}

/// <summary>One step of an order's timeline, as shown on the buyer's tracking page.</summary>
public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, string Note);
