using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Orders;

/// <summary>
/// One checkout (keyed by the id rendered into the checkout form): reserves every line in product-id order, then
/// places one order per cooperative, or releases everything. A second submit of the same id answers the first result.
/// </summary>
public interface ICheckoutGrain : IGrainWithGuidKey
{
    /// <summary>The orders placed, or the domain's refusal (out of stock, not for sale, bad address…) as an exception.</summary>
    Task<IReadOnlyList<PlacedOrder>> PlaceAsync(CheckoutRequest request);

    /// <summary>Finishes or undoes a checkout cut short (a crash between reserving and placing); harmless when it has ended.</summary>
    Task ResumeAsync();
}

/// <summary>A product and how many of it the buyer wants. Prices never come from the buyer.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckoutLine([property: Id(0)] Guid ProductId, [property: Id(1)] int Quantity);

/// <summary>
/// A buyer's checkout. <paramref name="ShippingFees"/> are the parcel fees the buyer was shown per cooperative (the web
/// computes them from carrier quotes, never takes them from the browser); a cooperative without one pays the weight table.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckoutRequest(
    [property: Id(0)] OrderRecipient Recipient,
    [property: Id(1)] PaymentMethod PaymentMethod,
    [property: Id(2)] IReadOnlyList<CheckoutLine> Lines,
    [property: Id(3)] IReadOnlyDictionary<Guid, Money>? ShippingFees = null);
