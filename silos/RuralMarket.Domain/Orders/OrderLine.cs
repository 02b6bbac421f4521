using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>
/// One product in an order, with the name, price and producing households' shares it had when the buyer placed the
/// order: the sale is divided by those shares even if the product's change later.
/// </summary>
public sealed record OrderLine
{
    public const int MaxQuantity = 999;

    private OrderLine()
    {
        ProductName = string.Empty;
        Producers = [];
    }

    public OrderLine(Guid productId, string productName, Money unitPrice, int quantity, int unitWeightGrams, IReadOnlyList<ProducerShare>? producers = null)
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
        Producers = producers is { Count: > 0 } ? Complete(producers) : [];
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

    /// <summary>The households' shares at the time of sale; empty for lines sold before shares were kept.</summary>
    public IReadOnlyList<ProducerShare> Producers { get; private set; }

    /// <summary>The batch the units were packed from; none before packing, or when no batch held them all.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>That batch's public trace code (see <see cref="Traceability.TraceCode"/>).</summary>
    public string? TraceCode { get; private set; }

    public Money Total => UnitPrice * Quantity;

    internal void PackedFrom(Guid batchId, string traceCode)
    {
        BatchId = batchId;
        TraceCode = Traceability.TraceCode.Read(traceCode) ?? throw new DomainException("batch.code_invalid", $"{traceCode} is not a trace code.");
    }

    /// <summary>Lines are equal by value, their producers' shares too (a record would compare the list by reference).</summary>
    public bool Equals(OrderLine? other) =>
        other is not null && ProductId == other.ProductId && ProductName == other.ProductName && UnitPrice == other.UnitPrice
        && Quantity == other.Quantity && UnitWeightGrams == other.UnitWeightGrams && Producers.SequenceEqual(other.Producers);

    public override int GetHashCode() => HashCode.Combine(ProductId, ProductName, UnitPrice, Quantity, UnitWeightGrams, Producers.Count);

    private static IReadOnlyList<ProducerShare> Complete(IReadOnlyList<ProducerShare> shares)
    {
        ProducerShare.RequireComplete(shares);
        return [.. shares];
    }

    public long WeightGrams => (long)UnitWeightGrams * Quantity;
}

/// <summary>One step of an order's timeline, as shown on the buyer's tracking page.</summary>
public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, string Note);
