namespace RuralMarket.Domain.Logistics;

/// <summary>One entry of a shipment's history, applied or not (see <see cref="Outcome"/>).</summary>
public sealed record ShipmentEvent(
    int Sequence,
    string EventKey,
    ShipmentStatus? Status,
    string CarrierStatus,
    DeliveryFailureReason Reason,
    string Note,
    ReportSource Source,
    ReportOutcome Outcome,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt);

/// <summary>A step the timeline took, as the order follows it.</summary>
public sealed record ShipmentStep(int Sequence, ShipmentStatus Status, DeliveryFailureReason Reason, string Note, DateTimeOffset At);
