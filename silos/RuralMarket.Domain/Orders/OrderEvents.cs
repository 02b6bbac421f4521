using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Orders;

public sealed record OrderPlaced(Guid OrderId, string Code, Guid CooperativeId, long TotalDong, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrderStatusChanged(Guid OrderId, string Code, OrderStatus From, OrderStatus To, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A prepaid order's money arrived (a matched transfer or a card payment); <see cref="Reference"/> names the payment.</summary>
public sealed record OrderPaid(Guid OrderId, string Code, Guid CooperativeId, long AmountDong, string Reference, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>
/// Money went back to the buyer (<see cref="Reference"/> names how); <see cref="ProductIds"/> are the lines refunded,
/// empty when everything the buyer paid was.
/// </summary>
public sealed record OrderRefunded(Guid OrderId, string Code, Guid CooperativeId, Guid RefundId, long AmountDong, IReadOnlyList<Guid> ProductIds,
    string Reference, DateTimeOffset OccurredAt) : IDomainEvent;
