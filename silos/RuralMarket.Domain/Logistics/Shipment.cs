using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Logistics;

/// <summary>
/// One order's parcel with one carrier: what was booked and the timeline of where it is. Reports arrive from people
/// (partner portal), partner systems (API), carriers (webhooks, polls), often twice and out of order: a repeated event
/// is recorded once, an older one is kept in the history without moving the timeline back, an unknown carrier status
/// is kept and flagged. What the timeline cannot do (deliver a cancelled parcel) is refused.
/// </summary>
public sealed class Shipment : AggregateRoot
{
    public const int MaxDeliveryAttempts = 3;

    private static readonly Dictionary<ShipmentStatus, ShipmentStatus[]> NextSteps = new()
    {
        [ShipmentStatus.Booked] = [ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered,
            ShipmentStatus.DeliveryFailed, ShipmentStatus.Cancelled],
        [ShipmentStatus.PickedUp] = [ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered, ShipmentStatus.DeliveryFailed,
            ShipmentStatus.Returning, ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged],
        [ShipmentStatus.InTransit] = [ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered, ShipmentStatus.DeliveryFailed,
            ShipmentStatus.Returning, ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged],
        [ShipmentStatus.OutForDelivery] = [ShipmentStatus.Delivered, ShipmentStatus.DeliveryFailed, ShipmentStatus.Returning,
            ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged],
        [ShipmentStatus.DeliveryFailed] = [ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered,
            ShipmentStatus.DeliveryFailed, ShipmentStatus.Returning, ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged],
        [ShipmentStatus.Returning] = [ShipmentStatus.Returned, ShipmentStatus.LostOrDamaged],
    };

    private readonly List<ShipmentEvent> _events = [];

    private Shipment()
    {
        Carrier = Service = Waybill = OrderCode = string.Empty;
        Parcel = null!;
        Sender = Recipient = null!;
    }

    public Guid OrderId { get; private set; }

    public string OrderCode { get; private set; }

    public Guid CooperativeId { get; private set; }

    /// <summary>The postal partner whose parcel this is: its portal and API see it, no other partner's do.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>The carrier adapter that booked it (<c>ghn</c>, <c>viettelpost</c>, <c>vnpost</c>, <c>partner</c>).</summary>
    public string Carrier { get; private set; }

    public string Service { get; private set; }

    /// <summary>Vận đơn: the carrier's number for the parcel.</summary>
    public string Waybill { get; private set; }

    public Parcel Parcel { get; private set; }

    public ParcelEnd Sender { get; private set; }

    public ParcelEnd Recipient { get; private set; }

    public Money QuotedFee { get; private set; }

    public Money ChargedFee { get; private set; }

    /// <summary>What the carrier collects at the door (thu hộ); zero for a prepaid order.</summary>
    public Money CashOnDelivery { get; private set; }

    /// <summary>What the carrier says it collected, once delivered.</summary>
    public Money? CashCollected { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    /// <summary>When the last applied step happened (carrier's clock).</summary>
    public DateTimeOffset LastStepAt { get; private set; }

    public IReadOnlyList<ShipmentEvent> Events => _events;

    public bool IsFinished => !NextSteps.ContainsKey(Status);

    public static Shipment Book(ShipmentBooking booking, DateTimeOffset now)
    {
        if (booking.ChargedFee.Dong < 0 || booking.QuotedFee.Dong < 0 || booking.CashOnDelivery.Dong < 0)
        {
            throw new DomainException("shipment.amount_negative", "Fees and amounts to collect cannot be negative.");
        }
        var shipment = new Shipment
        {
            Id = booking.ShipmentId,
            OrderId = booking.OrderId,
            OrderCode = DomainText.Require(booking.OrderCode, "shipment.order_code", 20),
            CooperativeId = booking.CooperativeId,
            PartnerId = booking.PartnerId,
            Carrier = DomainText.Require(booking.Carrier, "shipment.carrier", 20),
            Service = DomainText.Optional(booking.Service, "shipment.service", 40),
            Waybill = DomainText.Require(booking.Waybill, "shipment.waybill", 40),
            Parcel = booking.Parcel,
            Sender = booking.Sender,
            Recipient = booking.Recipient,
            QuotedFee = booking.QuotedFee,
            ChargedFee = booking.ChargedFee,
            CashOnDelivery = booking.CashOnDelivery,
            Status = ShipmentStatus.Booked,
            BookedAt = now,
            LastStepAt = now,
        };
        shipment._events.Add(new ShipmentEvent(1, "booked", ShipmentStatus.Booked, string.Empty, DeliveryFailureReason.None, string.Empty,
            ReportSource.Platform, ReportOutcome.Applied, now, now));
        shipment.Raise(new ShipmentBooked(shipment.Id, shipment.OrderId, shipment.PartnerId, shipment.Waybill, now));
        return shipment;
    }

    /// <summary>
    /// Records one reported step and applies it when it is new, current and allowed. Returns the steps the timeline
    /// took (none, one, or two when a third failed attempt also starts the return).
    /// </summary>
    public (ReportOutcome Outcome, IReadOnlyList<ShipmentStep> Steps) Report(ShipmentReport report, DateTimeOffset now)
    {
        var key = DomainText.Require(report.EventKey, "shipment.event_key", 100);
        if (Knows(key))
        {
            return (ReportOutcome.Duplicate, []);
        }
        var note = DomainText.Optional(report.Note, "shipment.note", 300);
        var carrierStatus = DomainText.Optional(report.CarrierStatus, "shipment.carrier_status", 60);
        if (report.Status is not { } status)
        {
            Keep(key, null, carrierStatus, report, note, ReportOutcome.Unrecognised, now);
            Raise(new ShipmentStatusUnrecognised(Id, Waybill, carrierStatus, now));
            return (ReportOutcome.Unrecognised, []);
        }
        if ((Status != ShipmentStatus.Booked && report.OccurredAt < LastStepAt) || (!CanMoveTo(status) && HasApplied(status)))
        {
            Keep(key, status, carrierStatus, report, note, ReportOutcome.OutOfOrder, now);
            return (ReportOutcome.OutOfOrder, []);
        }
        RequireStep(status, report);
        var steps = new List<ShipmentStep> { Apply(key, status, carrierStatus, report, note, now) };
        if (status == ShipmentStatus.DeliveryFailed && FailedAttempts >= MaxDeliveryAttempts)
        {
            var giveUp = report with { EventKey = $"{key}/return", Reason = DeliveryFailureReason.None, Note = string.Empty, Source = ReportSource.Platform };
            steps.Add(Apply(giveUp.EventKey, ShipmentStatus.Returning, string.Empty, giveUp, string.Empty, now));
        }
        return (ReportOutcome.Applied, steps);
    }

    /// <summary>Whether a report with this event key is already in the history.</summary>
    public bool Knows(string eventKey) => _events.Exists(e => e.EventKey == eventKey);

    public bool CanMoveTo(ShipmentStatus target) => NextSteps.TryGetValue(Status, out var next) && next.Contains(target);

    private bool HasApplied(ShipmentStatus status) =>
        _events.Exists(e => e.Status == status && e.Outcome == ReportOutcome.Applied);

    private void RequireStep(ShipmentStatus status, ShipmentReport report)
    {
        if (!CanMoveTo(status))
        {
            throw new IllegalShipmentStepException(Waybill, Status, status);
        }
        if (status == ShipmentStatus.DeliveryFailed && (report.Reason == DeliveryFailureReason.None || !Enum.IsDefined(report.Reason)))
        {
            throw new DomainException("shipment.failure_reason", "Say why the delivery failed.");
        }
        if (report.CashCollected is { } cash && (status != ShipmentStatus.Delivered || cash.Dong < 0))
        {
            throw new DomainException("shipment.cash_collected", "Cash is collected only on delivery, and never less than nothing.");
        }
    }

    private ShipmentStep Apply(string key, ShipmentStatus status, string carrierStatus, ShipmentReport report, string note, DateTimeOffset now)
    {
        var entry = Keep(key, status, carrierStatus, report, note, ReportOutcome.Applied, now);
        var from = Status;
        Status = status;
        LastStepAt = report.OccurredAt;
        if (status == ShipmentStatus.DeliveryFailed)
        {
            FailedAttempts++;
        }
        if (status == ShipmentStatus.Delivered)
        {
            CashCollected = report.CashCollected ?? CashOnDelivery;
        }
        Raise(new ShipmentStepped(Id, OrderId, Waybill, from, status, now));
        return new ShipmentStep(entry.Sequence, status, entry.Reason, note, report.OccurredAt);
    }

    private ShipmentEvent Keep(string key, ShipmentStatus? status, string carrierStatus, ShipmentReport report, string note,
        ReportOutcome outcome, DateTimeOffset now)
    {
        var reason = status == ShipmentStatus.DeliveryFailed ? report.Reason : DeliveryFailureReason.None;
        var entry = new ShipmentEvent(_events.Count + 1, key, status, carrierStatus, reason, note, report.Source, outcome, report.OccurredAt, now);
        _events.Add(entry);
        return entry;
    }
}

/// <summary>What booking a parcel settled: the carrier's waybill and fee, the ends, what to collect.</summary>
public sealed record ShipmentBooking(
    Guid ShipmentId,
    Guid OrderId,
    string OrderCode,
    Guid CooperativeId,
    Guid PartnerId,
    string Carrier,
    string Service,
    string Waybill,
    Parcel Parcel,
    ParcelEnd Sender,
    ParcelEnd Recipient,
    Money QuotedFee,
    Money ChargedFee,
    Money CashOnDelivery);

public sealed class IllegalShipmentStepException(string waybill, ShipmentStatus from, ShipmentStatus to)
    : DomainException("shipment.illegal_step", $"Parcel {waybill} cannot go from {from} to {to}.")
{
    public string Waybill { get; } = waybill;

    public ShipmentStatus From { get; } = from;

    public ShipmentStatus To { get; } = to;
}
