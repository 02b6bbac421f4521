using System.ComponentModel;

namespace RuralMarket.Domain.Catalog;

/// <summary>Units of a product held for one order until it is packed (they are sold) or cancelled (they come back).</summary>
/// <remarks>
/// A reservation never changes once made (it is taken away whole), so it never raises <see cref="PropertyChanged"/>.
/// Saying so lets EF Core skip a hot product's thousands of open reservations each time it looks for changes.
/// </remarks>
public sealed record StockReservation : INotifyPropertyChanged
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

    event PropertyChangedEventHandler? INotifyPropertyChanged.PropertyChanged
    {
        add { }
        remove { }
    }
}
