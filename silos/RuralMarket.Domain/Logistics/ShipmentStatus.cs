namespace RuralMarket.Domain.Logistics;

/// <summary>Our one timeline for a parcel, whatever the carrier calls its steps.</summary>
public enum ShipmentStatus
{
    Booked,
    PickedUp,
    InTransit,
    OutForDelivery,
    Delivered,
    DeliveryFailed,
    Returning,
    Returned,
    LostOrDamaged,
    Cancelled,
}

/// <summary>Why a delivery attempt failed.</summary>
public enum DeliveryFailureReason
{
    None,
    BuyerUnreachable,
    Refused,
    WrongAddress,
    Damaged,
    Other,
}

/// <summary>What became of one report of a step.</summary>
public enum ReportOutcome
{
    /// <summary>The step moved the timeline.</summary>
    Applied,

    /// <summary>The same event was reported before: nothing recorded again.</summary>
    Duplicate,

    /// <summary>Older than the timeline's current step: kept in the history, not applied.</summary>
    OutOfOrder,

    /// <summary>A carrier status no table of ours knows: kept and flagged for someone to look at, not applied.</summary>
    Unrecognised,
}

/// <summary>Where a report came from.</summary>
public enum ReportSource
{
    Platform,
    Cooperative,
    PartnerPortal,
    PartnerApi,
    Webhook,
    Poll,
}
