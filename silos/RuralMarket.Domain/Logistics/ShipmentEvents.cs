using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Logistics;

public sealed record ShipmentBooked(Guid ShipmentId, Guid OrderId, Guid PartnerId, string Waybill, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ShipmentStepped(Guid ShipmentId, Guid OrderId, string Waybill, ShipmentStatus From, ShipmentStatus To, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A carrier status we could not map: someone should add it to the carrier's table.</summary>
public sealed record ShipmentStatusUnrecognised(Guid ShipmentId, string Waybill, string CarrierStatus, DateTimeOffset OccurredAt) : IDomainEvent;
