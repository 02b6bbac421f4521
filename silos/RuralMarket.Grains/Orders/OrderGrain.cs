using Microsoft.Extensions.Options;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Logistics;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Orders;

/// <summary>
/// One order's lifecycle. A prepaid order holds its stock until its payment window passes: a reminder wakes the grain
/// then (a slow sweep backs it up), and a late or repeated tick changes nothing. The order is stored first and its
/// stock returned after, so a crash in between leaves units held for a cancelled order, which releasing again returns.
/// </summary>
public sealed class OrderGrain(
    [PersistentState("order", TableGrainStorage.Name)] IPersistentState<AggregateState<Order>> state,
    IGrainFactory grains,
    ShippingFeeTable shipping,
    IOptions<OrderOptions> options,
    TimeProvider clock) : AggregateGrain<Order>(state, clock), IOrderGrain, IRemindable
{
    public const string PaymentWindowReminder = "payment-window";

    protected override string NotFoundCode => "order.not_found";

    public async Task<PlacedOrder> PlaceAsync(OrderPlacement placement)
    {
        if (!Exists)
        {
            var fee = placement.ShippingFee ?? shipping.FeeFor(placement.Lines.Sum(l => l.WeightGrams));
            await ChangeAsync(now => Start(Order.Place(placement.Identity, placement.CooperativeId, placement.Recipient, placement.PaymentMethod,
                placement.Lines, fee, now, options.Value.PaymentWindow)));
        }
        var order = Aggregate;
        if (order.ReservationExpiresAt is { } expiry && order.Status == OrderStatus.Placed)
        {
            var due = expiry - Clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(PaymentWindowReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        }
        return new PlacedOrder(order.Id, order.Code, order.TrackingToken, order.CooperativeId, order.Total);
    }

    public Task ConfirmAsync(Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.Confirm(now);
            Activity(actor, "order.confirmed", now);
        });

    /// <summary>
    /// Packs the order: the packer's batch choices are checked first, then the order is stored packed, then each line's
    /// units leave their product (and batch), and the batches they came from are written on the lines. A crash after
    /// packing leaves a line without its batch; the units are sold all the same.
    /// </summary>
    public async Task PackAsync(Actor actor, IReadOnlyDictionary<Guid, Guid>? batchChoices = null)
    {
        var choices = batchChoices ?? new Dictionary<Guid, Guid>();
        foreach (var line in Aggregate.Lines.Where(l => choices.ContainsKey(l.ProductId)))
        {
            await grains.GetGrain<IProductGrain>(line.ProductId).RequirePackableAsync(choices[line.ProductId], line.Quantity);
        }
        await ChangeAsync(now =>
        {
            Aggregate.Pack(now);
            Activity(actor, "order.packed", now);
        });
        var packed = await Task.WhenAll(Aggregate.Lines.Select(async l =>
            (l.ProductId, Batch: await grains.GetGrain<IProductGrain>(l.ProductId).FulfilAsync(this.GetPrimaryKey(), choices.TryGetValue(l.ProductId, out var b) ? b : null))));
        if (packed.Any(p => p.Batch is not null))
        {
            await ChangeAsync(_ =>
            {
                foreach (var (productId, batch) in packed.Where(p => p.Batch is not null))
                {
                    Aggregate.RecordPackedBatch(productId, batch!.BatchId, batch.Code);
                }
            });
        }
    }

    public async Task CancelAsync(CancellationReason reason, string note, Actor actor)
    {
        await ChangeAsync(now =>
        {
            Aggregate.Cancel(reason, note, now);
            Activity(actor, reason == CancellationReason.ByCooperative ? "order.rejected" : "order.cancelled", now);
        });
        await ReleaseStockAsync();
    }

    public async Task<ShipmentTicket> BookShipmentAsync(Guid partnerId, Parcel parcel, Actor actor)
    {
        var shipmentId = Aggregate.ShipmentId ?? Guid.NewGuid();
        await ChangeAsync(_ => Aggregate.AttachShipment(shipmentId));
        var order = Aggregate;
        var recipient = new ParcelEnd(order.Buyer.Name, order.Buyer.Phone, order.DeliveryAddress);
        return await grains.GetGrain<IShipmentGrain>(shipmentId).BookAsync(
            new ShipmentRequest(order.Id, order.Code, order.CooperativeId, partnerId, parcel, recipient, order.CashOnDeliveryAmount, order.ShippingFee), actor);
    }

    public Task FollowShipmentAsync(Guid shipmentId, IReadOnlyList<ShipmentStep> steps) =>
        ChangeAsync(_ => Aggregate.FollowShipment(shipmentId, steps));

    public async Task ConfirmReturnReceivedAsync(Actor actor)
    {
        await ChangeAsync(now =>
        {
            Aggregate.ConfirmReturnReceived(now);
            Activity(actor, "order.return_received", now);
        });
        foreach (var line in Aggregate.Lines)
        {
            await grains.GetGrain<IProductGrain>(line.ProductId).TakeBackAsync(Aggregate.Code, line.Quantity, actor);
        }
    }

    public async Task<bool> MarkPaidAsync(Money amount, string reference)
    {
        var paid = await ChangeAsync(now => Aggregate.MarkPaid(amount, reference, now));
        if (paid)
        {
            await ForgetReminderAsync(PaymentWindowReminder);
        }
        return paid;
    }

    public Task<bool> RequestRefundAsync(RefundRequest request, Actor actor) =>
        ChangeAsync(now =>
        {
            var started = Aggregate.RequestRefund(request.RefundId, request.ProductIds, request.Payee, request.Reason, now);
            if (started)
            {
                Activity(actor, "order.refund_requested", now);
            }
            return started;
        });

    public Task<bool> SendRefundAsync(Guid refundId, string reference, Actor actor) =>
        ChangeAsync(now =>
        {
            var sent = Aggregate.SendRefund(refundId, reference, now);
            if (sent)
            {
                Activity(actor, "order.refund_sent", now);
            }
            return sent;
        });

    public Task<bool> ReviewAsync(Guid productId, int rating, string? text) =>
        ChangeAsync(now => Aggregate.Review(productId, rating, text, now));

    public Task<bool> AnswerReviewAsync(Guid productId, string answer, Actor actor) =>
        ChangeAsync(now =>
        {
            var answered = Aggregate.AnswerReview(productId, answer, now);
            if (answered)
            {
                Activity(actor, "review.answered", now);
            }
            return answered;
        });

    public Task<bool> HideReviewAsync(Guid productId, string reason, Actor actor) =>
        ChangeAsync(now =>
        {
            var hidden = Aggregate.HideReview(productId, reason, now);
            if (hidden)
            {
                Activity(actor, "review.hidden", now);
            }
            return hidden;
        });

    public async Task<bool> ExpireAsync()
    {
        if (!Exists)
        {
            return false;
        }
        var expired = await ChangeAsync(now =>
        {
            if (!Aggregate.IsReservationExpired(now))
            {
                return false;
            }
            Aggregate.Expire(now);
            return true;
        });
        if (Aggregate.Status == OrderStatus.Cancelled)
        {
            await ReleaseStockAsync();
        }
        if (Aggregate.ReservationExpiresAt is null || Aggregate.Status != OrderStatus.Placed)
        {
            await ForgetReminderAsync(PaymentWindowReminder);
        }
        return expired;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == PaymentWindowReminder ? ExpireAsync() : Task.CompletedTask;

    private Task ReleaseStockAsync() =>
        Task.WhenAll(Aggregate.Lines.Select(l => grains.GetGrain<IProductGrain>(l.ProductId).ReleaseAsync(this.GetPrimaryKey())));

    private void Activity(Actor actor, string action, DateTimeOffset now) => RecordActivity(Aggregate.CooperativeId, actor, action, Aggregate.Code, now);
}
