using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Logistics;

namespace RuralMarket.Grains.Orders;

/// <summary>The single writer of one order (keyed by its id): every step of its lifecycle, and the stock it holds.</summary>
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Places the order from reserved lines. Placing it again (a resumed checkout) answers the order already placed.</summary>
    Task<PlacedOrder> PlaceAsync(OrderPlacement placement);

    Task ConfirmAsync(Actor actor);

    /// <summary>Packs the order; <paramref name="batchChoices"/> names, per product, the batch the packer took the units from (the rest first in, first out).</summary>
    Task PackAsync(Actor actor, IReadOnlyDictionary<Guid, Guid>? batchChoices = null);

    /// <summary>Cancels before packing and returns the stock: by the buyer (tracking link) or by the cooperative, with its reason.</summary>
    Task CancelAsync(CancellationReason reason, string note, Actor actor);

    /// <summary>Books a parcel for this packed order with a postal partner. Booking again answers the parcel already booked.</summary>
    Task<ShipmentTicket> BookShipmentAsync(Guid partnerId, Parcel parcel, Actor actor);

    /// <summary>Follows its parcel: every step the shipment has applied, of which the order takes those it has not seen.</summary>
    Task FollowShipmentAsync(Guid shipmentId, IReadOnlyList<ShipmentStep> steps);

    /// <summary>The cooperative has the returned goods back: their units return to stock, once.</summary>
    Task ConfirmReturnReceivedAsync(Actor actor);

    /// <summary>
    /// Records a prepaid order's payment (<paramref name="reference"/>: provider and transaction id). True when it paid
    /// the order, false when this payment had already; a refusal (wrong amount, paid by another, too late) is thrown.
    /// </summary>
    Task<bool> MarkPaidAsync(Money amount, string reference);

    /// <summary>
    /// Starts a refund to the buyer (see <see cref="Order.RequestRefund"/>). True when it started one, false when this
    /// refund id had already; a refusal (not paid, not cancelled or returned, lines already refunded) is thrown.
    /// </summary>
    Task<bool> RequestRefundAsync(RefundRequest request, Actor actor);

    /// <summary>The refund has gone, as <paramref name="reference"/>. False when it was already recorded so.</summary>
    Task<bool> SendRefundAsync(Guid refundId, string reference, Actor actor);

    /// <summary>The buyer rates a delivered line (see <see cref="Order.Review"/>). False when the same review was already kept.</summary>
    Task<bool> ReviewAsync(Guid productId, int rating, string? text);

    /// <summary>The cooperative's one public answer to a review. False when that answer was already kept.</summary>
    Task<bool> AnswerReviewAsync(Guid productId, string answer, Actor actor);

    /// <summary>An admin hides a review from the product page, with a reason; it is kept. False when it was hidden already.</summary>
    Task<bool> HideReviewAsync(Guid productId, string reason, Actor actor);

    /// <summary>Ends an unpaid prepaid order whose payment window has passed. False (and nothing changed) when it has not.</summary>
    Task<bool> ExpireAsync();
}

[GenerateSerializer, Immutable]
public sealed record OrderPlacement(
    [property: Id(0)] OrderIdentity Identity,
    [property: Id(1)] Guid CooperativeId,
    [property: Id(2)] OrderRecipient Recipient,
    [property: Id(3)] PaymentMethod PaymentMethod,
    [property: Id(4)] IReadOnlyList<OrderLine> Lines,
    [property: Id(5)] Money? ShippingFee = null);

/// <summary>A refund as asked for: its id (stable per form, so sending the form twice starts one), the lines (none: everything), the buyer's account for a transfer.</summary>
[GenerateSerializer, Immutable]
public sealed record RefundRequest(
    [property: Id(0)] Guid RefundId,
    [property: Id(1)] IReadOnlyList<Guid> ProductIds,
    [property: Id(2)] PayoutAccount? Payee,
    [property: Id(3)] string Reason);
