using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>A product cannot give the quantity asked for; the checkout names it to the buyer.</summary>
public sealed class OutOfStockException(Guid productId, string productName)
    : DomainException("checkout.out_of_stock", $"Not enough stock of {productName}.")
{
    public Guid ProductId { get; } = productId;

    public string ProductName { get; } = productName;
}
