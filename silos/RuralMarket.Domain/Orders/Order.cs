using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

/// <summary>
/// One cooperative's part of a buyer's checkout. A checkout spanning several cooperatives makes one order each,
/// sharing a <see cref="CheckoutId"/>. Every state change goes through <see cref="MoveTo"/>, which refuses
/// anything the lifecycle does not allow.
/// </summary>
public sealed partial class Order : AggregateRoot
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> NextSteps = new()
    {
        [OrderStatus.Placed] = [OrderStatus.Confirmed, OrderStatus.Cancelled],
        [OrderStatus.Confirmed] = [OrderStatus.Packed, OrderStatus.Cancelled],
        [OrderStatus.Packed] = [OrderStatus.HandedToCarrier],
        [OrderStatus.HandedToCarrier] = [OrderStatus.InTransit, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.InTransit] = [OrderStatus.Delivered, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.DeliveryFailed] = [OrderStatus.InTransit, OrderStatus.DeliveryFailed, OrderStatus.Delivered, OrderStatus.Returned, OrderStatus.Lost],
        [OrderStatus.Delivered] = [OrderStatus.Completed],
    };

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _timeline = [];
    private readonly List<OrderRefund> _refunds = [];
    private readonly List<OrderReview> _reviews = [];

    private Order()
    {
        Code = TrackingToken = string.Empty;
        Buyer = null!;
        DeliveryAddress = null!;
        DeliveryNote = string.Empty;
    }

    public string Code { get; private set; }

    /// <summary>The secret in the buyer's tracking link; whoever holds it may follow and cancel the order.</summary>
    public string TrackingToken { get; private set; }

    public Guid CheckoutId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public BuyerContact Buyer { get; private set; }

    public Address DeliveryAddress { get; private set; }

    public string DeliveryNote { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public Money ShippingFee { get; private set; }

    public OrderStatus Status { get; private set; }

    public CancellationReason CancellationReason { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>When an unpaid prepaid order gives its reserved stock back. Null for cash on delivery.</summary>
    public DateTimeOffset? ReservationExpiresAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Which payment paid a prepaid order (provider and transaction id), so the same one recorded twice counts once.</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>The parcel booked for this order; null until booked, and again if that booking is cancelled.</summary>
    public Guid? ShipmentId { get; private set; }

    /// <summary>The last shipment step this order has followed, so a step passed on twice moves it once.</summary>
    public int ShipmentSequence { get; private set; }

    /// <summary>When the cooperative confirmed a returned parcel is back in its hands (and its stock returned).</summary>
    public DateTimeOffset? ReturnReceivedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderStatusChange> Timeline => _timeline;

    public IReadOnlyList<OrderRefund> Refunds => _refunds;

    /// <summary>What has been or is being given back to the buyer.</summary>
    public Money RefundedTotal => Money.Sum(_refunds.Select(r => r.Amount));

    /// <summary>The lines whose goods no refund has given back yet (none after a full refund).</summary>
    public IReadOnlyList<OrderLine> LinesNotRefunded => _refunds.Any(r => r.IsFull)
        ? []
        : [.. _lines.Where(l => !_refunds.Any(r => r.ProductIds.Contains(l.ProductId)))];

    /// <summary>
    /// Whether a refund may start now: paid in advance, ended (cancelled, lost, or returned with the goods back), and
    /// something not yet given back. <see cref="RequestRefund"/> says which rule a refused refund broke.
    /// </summary>
    public bool IsRefundable => PaymentMethod != PaymentMethod.CashOnDelivery && PaidAt is not null
        && (Status is OrderStatus.Cancelled or OrderStatus.Lost || (Status == OrderStatus.Returned && ReturnReceivedAt is not null))
        && LinesNotRefunded.Count > 0;

    public Money Subtotal => Money.Sum(_lines.Select(l => l.Total));

    public Money Total => Subtotal + ShippingFee;

    public long WeightGrams => _lines.Sum(l => l.WeightGrams);

    /// <summary>What the carrier collects at the door: the total for cash on delivery, nothing otherwise.</summary>
    public Money CashOnDeliveryAmount => PaymentMethod == PaymentMethod.CashOnDelivery ? Total : Money.Zero;

    /// <summary>The dearest parcel fee an order accepts, far above any carrier's price for a 50 kg parcel.</summary>
    public static readonly Money MaxShippingFee = Money.FromDong(10_000_000);

    public static Money RequireShippingFee(Money fee) => fee <= MaxShippingFee
        ? fee
        : throw new DomainException("order.shipping_fee", $"A shipping fee of {fee} is above the most an order accepts ({MaxShippingFee}).");

    public static Order Place(OrderIdentity identity, Guid cooperativeId, OrderRecipient recipient, PaymentMethod paymentMethod,
        IReadOnlyList<OrderLine> lines, Money shippingFee, DateTimeOffset now, TimeSpan paymentWindow)
    {
        if (lines.Count == 0)
        {
            throw new DomainException("order.no_lines", "An order needs at least one line.");
        }
        if (lines.Select(l => l.ProductId).Distinct().Count() != lines.Count)
        {
            throw new DomainException("order.duplicate_product", "A product appears on two lines; merge them.");
        }
        if (!Enum.IsDefined(paymentMethod))
        {
            throw new DomainException("order.payment_method_unknown", $"Unknown payment method {paymentMethod}.");
        }
        if (paymentWindow <= TimeSpan.Zero)
        {
            throw new DomainException("order.payment_window", "The payment window must be positive.");
        }
        var order = new Order
        {
            Id = identity.Id,
            Code = identity.Code,
            TrackingToken = identity.TrackingToken,
            CheckoutId = identity.CheckoutId,
            CooperativeId = cooperativeId,
            Buyer = recipient.Contact,
            DeliveryAddress = recipient.Address,
            DeliveryNote = DomainText.Optional(recipient.Note, "order.delivery_note", 500),
            PaymentMethod = paymentMethod,
            ShippingFee = RequireShippingFee(shippingFee),
            Status = OrderStatus.Placed,
            PlacedAt = now,
            ReservationExpiresAt = paymentMethod == PaymentMethod.CashOnDelivery ? null : now + paymentWindow,
        };
        order._lines.AddRange(lines);
        order._timeline.Add(new OrderStatusChange(OrderStatus.Placed, now, string.Empty));
        order.Raise(new OrderPlaced(order.Id, order.Code, cooperativeId, order.Total.Dong, now));
        return order;
    }

    public void Confirm(DateTimeOffset now)
    {
        if (PaymentMethod != PaymentMethod.CashOnDelivery && PaidAt is null)
        {
            throw new DomainException("order.not_paid", $"Order {Code} is not paid yet.");
        }
        MoveTo(OrderStatus.Confirmed, now, string.Empty);
    }

    public void Pack(DateTimeOffset now) => MoveTo(OrderStatus.Packed, now, string.Empty);

    /// <summary>Which batch a packed line came from, as its product answered; the line's trace code goes on the label.</summary>
    public void RecordPackedBatch(Guid productId, Guid batchId, string traceCode)
    {
        if (_timeline.All(c => c.Status != OrderStatus.Packed))
        {
            throw new DomainException("order.batch_before_packing", $"Order {Code} has not been packed.");
        }
        var line = _lines.Find(l => l.ProductId == productId) ?? throw new DomainException("order.line_not_found", $"Order {Code} has no line for {productId}.");
        line.PackedFrom(batchId, traceCode);
    }

    public void HandToCarrier(DateTimeOffset now) => MoveTo(OrderStatus.HandedToCarrier, now, string.Empty);

    public void MarkInTransit(DateTimeOffset now, string note = "") => MoveTo(OrderStatus.InTransit, now, note);

    public void MarkDelivered(DateTimeOffset now)
    {
        MoveTo(OrderStatus.Delivered, now, string.Empty);
        PaidAt ??= now; // cash on delivery is paid when the carrier hands the parcel over
    }

    public void MarkDeliveryFailed(string reason, DateTimeOffset now) =>
        MoveTo(OrderStatus.DeliveryFailed, now, DomainText.Require(reason, "order.failure_reason", 300));

    public void MarkReturned(DateTimeOffset now) => MoveTo(OrderStatus.Returned, now, string.Empty);

    public void MarkLost(DateTimeOffset now) => MoveTo(OrderStatus.Lost, now, string.Empty);

    public void Complete(DateTimeOffset now) => MoveTo(OrderStatus.Completed, now, string.Empty);

    /// <summary>Cancels before packing. The caller returns the reserved stock in the same transaction.</summary>
    public void Cancel(CancellationReason reason, string note, DateTimeOffset now)
    {
        if (reason is not (CancellationReason.ByBuyer or CancellationReason.ByCooperative))
        {
            throw new DomainException("order.cancel_reason", "Say who cancels the order.");
        }
        MoveTo(OrderStatus.Cancelled, now, DomainText.Optional(note, "order.cancel_note", 500));
        CancellationReason = reason;
    }

    /// <summary>
    /// Records the prepaid order's payment, identified by <paramref name="reference"/> (the provider and its transaction
    /// id). The same payment recorded again changes nothing and answers false; any other payment of a paid order, of an
    /// order past its payment window or no longer waiting, or of a different amount is refused, so the money goes to review.
    /// </summary>
    public bool MarkPaid(Money amount, string reference, DateTimeOffset now)
    {
        var paymentReference = DomainText.Require(reference, "order.payment_reference", 100);
        if (PaymentMethod == PaymentMethod.CashOnDelivery)
        {
            throw new DomainException("order.paid_on_delivery", $"Order {Code} is paid in cash on delivery.");
        }
        if (PaidAt is not null)
        {
            return PaymentReference == paymentReference
                ? false
                : throw new DomainException("order.already_paid", $"Order {Code} is already paid.");
        }
        if (Status != OrderStatus.Placed || IsReservationExpired(now))
        {
            throw new DomainException("order.not_payable", $"Order {Code} is {Status} or past its payment window and cannot be paid.");
        }
        if (amount != Total)
        {
            throw new DomainException("order.amount_mismatch", $"Order {Code} costs {Total.Dong} đồng, not {amount.Dong}.");
        }
        PaidAt = now;
        PaymentReference = paymentReference;
        ReservationExpiresAt = null;
        Raise(new OrderPaid(Id, Code, CooperativeId, amount.Dong, paymentReference, now));
        return true;
    }

    /// <summary>A prepaid order still waiting for its money within its payment window: the one a payment can still pay.</summary>
    public bool AwaitsPayment(DateTimeOffset now) =>
        PaymentMethod != PaymentMethod.CashOnDelivery && Status == OrderStatus.Placed && PaidAt is null && !IsReservationExpired(now);

    public bool IsReservationExpired(DateTimeOffset now) =>
        Status == OrderStatus.Placed && PaidAt is null && ReservationExpiresAt is { } expiry && now >= expiry;

    /// <summary>An unpaid prepaid order whose window has passed is cancelled; the caller returns its stock.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (!IsReservationExpired(now))
        {
            throw new DomainException("order.not_expired", $"Order {Code} has not expired.");
        }
        MoveTo(OrderStatus.Cancelled, now, string.Empty);
        CancellationReason = CancellationReason.PaymentExpired;
    }

    /// <summary>A parcel is booked for this packed order. Booking again with the same shipment is harmless.</summary>
    public void AttachShipment(Guid shipmentId)
    {
        if (ShipmentId == shipmentId)
        {
            return;
        }
        if (ShipmentId is not null)
        {
            throw new DomainException("order.shipment_exists", $"Order {Code} already has a parcel booked.");
        }
        if (Status != OrderStatus.Packed)
        {
            throw new DomainException("order.not_packed", $"Order {Code} is {Status}: only a packed order is handed to a carrier.");
        }
        ShipmentId = shipmentId;
    }

    /// <summary>
    /// Follows its parcel's timeline. Steps come in order; one already followed is skipped, and so is any step of a
    /// parcel that is not (or no longer) this order's. A step the order is not
    /// ready for (a delivery reported before the pickup) walks it through the steps in between, as it must have gone.
    /// </summary>
    public void FollowShipment(Guid shipmentId, IReadOnlyList<ShipmentStep> steps)
    {
        if (ShipmentId != shipmentId)
        {
            return; // news of a booking since cancelled, told again: that parcel is no longer this order's
        }
        foreach (var step in steps.Where(s => s.Sequence > ShipmentSequence).OrderBy(s => s.Sequence))
        {
            ShipmentSequence = step.Sequence;
            if (step.Status == ShipmentStatus.Cancelled)
            {
                ShipmentId = null;
                ShipmentSequence = 0;
                return;
            }
            if (OrderStepFor(step.Status) is { } target)
            {
                WalkTo(target, step);
            }
        }
    }

    /// <summary>The returned goods are back with the cooperative: the caller returns their stock.</summary>
    public void ConfirmReturnReceived(DateTimeOffset now)
    {
        if (Status != OrderStatus.Returned)
        {
            throw new DomainException("order.not_returned", $"Order {Code} has not come back.");
        }
        if (ReturnReceivedAt is not null)
        {
            throw new DomainException("order.return_already_received", $"Order {Code} was already received back.");
        }
        ReturnReceivedAt = now;
        Raise(new OrderStatusChanged(Id, Code, Status, Status, now));
    }

    /// <summary>
    /// Starts giving money back to the buyer of a paid prepaid order: everything (no <paramref name="productIds"/>) for a
    /// cancelled or lost order, or the goods of some lines for a returned or lost one, each line once. The amount comes
    /// from the order, never from the caller. A transfer is paid back by hand, so it needs the buyer's account; a card
    /// is refunded to itself. The same <paramref name="refundId"/> again changes nothing and answers false.
    /// </summary>
    public bool RequestRefund(Guid refundId, IReadOnlyCollection<Guid> productIds, PayoutAccount? payee, string reason, DateTimeOffset now)
    {
        if (_refunds.Any(r => r.RefundId == refundId))
        {
            return false;
        }
        if (PaymentMethod == PaymentMethod.CashOnDelivery || PaidAt is null)
        {
            throw new DomainException("order.refund_not_paid", $"Order {Code} was not paid in advance: there is nothing to give back.");
        }
        var note = DomainText.Require(reason, "order.refund_reason", 300);
        if ((PaymentMethod == PaymentMethod.BankTransfer) != (payee is not null))
        {
            throw PaymentMethod == PaymentMethod.BankTransfer
                ? new DomainException("order.refund_payee_required", $"Order {Code} was paid by transfer: give the buyer's bank account to send it back to.")
                : new DomainException("order.refund_payee_card", $"Order {Code} was paid by card: the money goes back to the card.");
        }
        var amount = productIds.Count == 0 ? FullRefund() : LinesRefund(productIds);
        _refunds.Add(new OrderRefund(refundId, amount, [.. productIds.Distinct()], payee, note, now));
        return true;
    }

    /// <summary>
    /// The refund has gone: the card provider took it, or the transfer was made (<paramref name="reference"/>). The same
    /// reference again changes nothing and answers false; another one for a refund already sent is refused.
    /// </summary>
    public bool SendRefund(Guid refundId, string reference, DateTimeOffset now)
    {
        var refund = _refunds.SingleOrDefault(r => r.RefundId == refundId)
            ?? throw new DomainException("order.refund_unknown", $"Order {Code} has no refund {refundId}.");
        var sentAs = DomainText.Require(reference, "order.refund_reference", 100);
        if (refund.IsSent)
        {
            return refund.Reference == sentAs
                ? false
                : throw new DomainException("order.refund_already_sent", $"This refund of order {Code} was already sent as {refund.Reference}.");
        }
        refund.Send(sentAs, now);
        Raise(new OrderRefunded(Id, Code, CooperativeId, refundId, refund.Amount.Dong, refund.ProductIds, sentAs, now));
        return true;
    }

    private Money FullRefund()
    {
        if (Status is not (OrderStatus.Cancelled or OrderStatus.Lost))
        {
            throw new DomainException("order.refund_not_cancelled", $"Order {Code} is {Status}: only a cancelled or lost order is refunded in full.");
        }
        return _refunds.Count == 0
            ? Total
            : throw new DomainException("order.refund_exists", $"Order {Code} already has a refund.");
    }

    private Money LinesRefund(IReadOnlyCollection<Guid> productIds)
    {
        if (Status is not (OrderStatus.Returned or OrderStatus.Lost))
        {
            throw new DomainException("order.refund_lines_not_returned", $"Order {Code} is {Status}: lines are refunded once the parcel came back or was lost.");
        }
        if (Status == OrderStatus.Returned && ReturnReceivedAt is null)
        {
            throw new DomainException("order.refund_return_not_received", $"Order {Code} is on its way back: refund it once the goods are back.");
        }
        var open = LinesNotRefunded.Where(l => productIds.Contains(l.ProductId)).ToList();
        if (open.Count == productIds.Distinct().Count())
        {
            return Money.Sum(open.Select(l => l.Total));
        }
        var refunded = _lines.Where(l => productIds.Contains(l.ProductId)).Except(open);
        throw refunded.Any()
            ? new DomainException("order.refund_exists", $"Some of these lines of order {Code} are already refunded.")
            : new DomainException("order.refund_lines", $"Order {Code} has no such line.");
    }

    private static OrderStatus? OrderStepFor(ShipmentStatus status) => status switch
    {
        ShipmentStatus.PickedUp => OrderStatus.HandedToCarrier,
        ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery => OrderStatus.InTransit,
        ShipmentStatus.Delivered => OrderStatus.Delivered,
        ShipmentStatus.DeliveryFailed => OrderStatus.DeliveryFailed,
        ShipmentStatus.Returned => OrderStatus.Returned,
        ShipmentStatus.LostOrDamaged => OrderStatus.Lost,
        _ => null,
    };

    private void WalkTo(OrderStatus target, ShipmentStep step)
    {
        var isNewFailure = target == OrderStatus.DeliveryFailed && Status == OrderStatus.DeliveryFailed;
        if (Status == target && !isNewFailure)
        {
            return;
        }
        foreach (var status in PathTo(target))
        {
            MoveTo(status, step.At, status == target ? step.Note : string.Empty);
            if (status == OrderStatus.Delivered)
            {
                PaidAt ??= step.At;
            }
        }
    }

    /// <summary>The shortest way along the lifecycle from here to <paramref name="target"/>; empty when there is none.</summary>
    private List<OrderStatus> PathTo(OrderStatus target)
    {
        var cameFrom = new Dictionary<OrderStatus, OrderStatus>();
        var queue = new Queue<OrderStatus>([Status]);
        while (queue.TryDequeue(out var at))
        {
            foreach (var next in NextSteps.GetValueOrDefault(at, []))
            {
                if (next == target)
                {
                    var path = new List<OrderStatus> { target };
                    for (var back = at; back != Status; back = cameFrom[back])
                    {
                        path.Insert(0, back);
                    }
                    return path;
                }
                if (next != Status && cameFrom.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return [];
    }

    public bool CanMoveTo(OrderStatus target) => NextSteps.TryGetValue(Status, out var next) && next.Contains(target);

    private void MoveTo(OrderStatus target, DateTimeOffset now, string note)
    {
        if (!CanMoveTo(target))
        {
            throw new IllegalOrderTransitionException(Code, Status, target);
        }
        var from = Status;
        Status = target;
        _timeline.Add(new OrderStatusChange(target, now, note));
        Raise(new OrderStatusChanged(Id, Code, from, target, now));
    }
}

/// <summary>Identifiers chosen by the caller: the database id, the code buyers quote, the secret tracking token, the checkout.</summary>
public sealed record OrderIdentity(Guid Id, string Code, string TrackingToken, Guid CheckoutId);

/// <summary>Where and to whom the parcel goes.</summary>
public sealed record OrderRecipient(BuyerContact Contact, Address Address, string? Note);

public sealed class IllegalOrderTransitionException(string code, OrderStatus from, OrderStatus to)
    : DomainException("order.illegal_transition", $"Order {code} cannot go from {from} to {to}.")
{
    public string OrderCode { get; } = code;

    public OrderStatus From { get; } = from;

    public OrderStatus To { get; } = to;
}
