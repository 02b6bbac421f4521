using RuralMarket.Domain.Logistics;

namespace RuralMarket.Logistics;

/// <summary>What one carrier status means on our timeline.</summary>
public readonly record struct CarrierStatusMeaning(ShipmentStatus? Status, DeliveryFailureReason Reason, bool Informational)
{
    public static CarrierStatusMeaning Step(ShipmentStatus status, DeliveryFailureReason reason = DeliveryFailureReason.None) => new(status, reason, false);

    /// <summary>Known to us but not a step of the parcel (a carrier's note that cash was remitted).</summary>
    public static CarrierStatusMeaning Note { get; } = new(null, DeliveryFailureReason.None, true);

    /// <summary>Not in the carrier's table: the step is kept and flagged, never dropped.</summary>
    public static CarrierStatusMeaning Unknown { get; } = new(null, DeliveryFailureReason.None, false);

    public bool IsKnown => Status is not null || Informational;
}

/// <summary>A carrier's vocabulary mapped onto our timeline: one table per carrier, in one place.</summary>
public sealed class CarrierStatusTable<TCode>(IReadOnlyDictionary<TCode, CarrierStatusMeaning> meanings, Func<TCode, CarrierStatusMeaning>? ranges = null)
    where TCode : notnull
{
    public IReadOnlyDictionary<TCode, CarrierStatusMeaning> Listed => meanings;

    public CarrierStatusMeaning Meaning(TCode code) =>
        meanings.TryGetValue(code, out var meaning) ? meaning : ranges?.Invoke(code) ?? CarrierStatusMeaning.Unknown;

    /// <summary>The report of a status, or null when it is only a note. An unknown status is reported with no step, to be flagged.</summary>
    public ShipmentReport? Report(TCode code, string eventKey, DateTimeOffset at, ReportSource source, string note = "",
        DeliveryFailureReason? reason = null, Domain.Shared.Money? cashCollected = null)
    {
        var meaning = Meaning(code);
        if (meaning.Informational)
        {
            return null;
        }
        var failure = meaning.Status == ShipmentStatus.DeliveryFailed ? reason ?? FailureOr(meaning.Reason) : DeliveryFailureReason.None;
        return new ShipmentReport(eventKey, meaning.Status, code.ToString() ?? string.Empty, at, source, failure, note,
            meaning.Status == ShipmentStatus.Delivered ? cashCollected : null);
    }

    private static DeliveryFailureReason FailureOr(DeliveryFailureReason reason) =>
        reason == DeliveryFailureReason.None ? DeliveryFailureReason.Other : reason;
}
