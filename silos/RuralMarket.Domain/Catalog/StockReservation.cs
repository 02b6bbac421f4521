namespace RuralMarket.Domain.Catalog;

/// <summary>Units of a product held for one order until it is packed (they are sold) or cancelled (they come back).</summary>
public sealed record StockReservation
{
    public StockReservation(Guid orderId, int quantity, DateTimeOffset reservedAt)
    {
        OrderId = orderId;
        Quantity = quantity;
        ReservedAt = reservedAt;
    }

    public Guid OrderId { get; private set; }

    public int Quantity { get; private set; }

    public DateTimeOffset ReservedAt { get; private set; }
}
