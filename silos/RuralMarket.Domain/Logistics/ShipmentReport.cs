using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Logistics;

/// <summary>
/// One step as someone reported it. <see cref="EventKey"/> identifies the event at its source (a partner's event id,
/// a carrier's status and time), so the same step sent again is recognised. A null <see cref="Status"/> means the
/// carrier's <see cref="CarrierStatus"/> maps to nothing of ours.
/// </summary>
public sealed record ShipmentReport(
    string EventKey,
    ShipmentStatus? Status,
    string CarrierStatus,
    DateTimeOffset OccurredAt,
    ReportSource Source,
    DeliveryFailureReason Reason = DeliveryFailureReason.None,
    string Note = "",
    Money? CashCollected = null);
