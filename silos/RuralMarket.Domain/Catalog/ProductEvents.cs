using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Catalog;

/// <summary>Anything about a product that buyers see changed (details, price, stock, status, certificate); search re-reads it.</summary>
public sealed record ProductChanged(Guid ProductId, Guid CooperativeId, DateTimeOffset OccurredAt) : IDomainEvent;
