using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Cooperatives;

public sealed record CooperativeRegistered(Guid CooperativeId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CooperativeVerified(Guid CooperativeId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CooperativeChanged(Guid CooperativeId, DateTimeOffset OccurredAt) : IDomainEvent;
