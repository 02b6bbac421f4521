using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

public sealed record OrderPlaced(Guid OrderId, string Code, Guid CooperativeId, long TotalDong, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrderStatusChanged(Guid OrderId, string Code, OrderStatus From, OrderStatus To, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A prepaid order's money arrived (a matched transfer or a card payment); <see cref="Reference"/> names the payment.</summary>
public sealed record OrderPaid(Guid OrderId, string Code, Guid CooperativeId, long AmountDong, string Reference, DateTimeOffset OccurredAt) : IDomainEvent;
