namespace RuralMarket.Domain.Shared;

/// <summary>Something that happened to an aggregate, named in the past tense. Saved to the outbox with the aggregate.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
