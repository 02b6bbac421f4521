using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

public sealed record OrderPlaced(Guid OrderId, string Code, Guid CooperativeId, long TotalDong, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrderStatusChanged(Guid OrderId, string Code, OrderStatus From, OrderStatus To, DateTimeOffset OccurredAt) : IDomainEvent;
