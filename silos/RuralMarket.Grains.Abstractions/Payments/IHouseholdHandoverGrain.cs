using RuralMarket.Domain.Payments;

namespace RuralMarket.Grains.Payments;

/// <summary>
/// The single writer of one handover of money to a household, keyed by the id its form carries, so the same form sent
/// twice records one handover.
/// </summary>
public interface IHouseholdHandoverGrain : IGrainWithGuidKey
{
    /// <summary>Records it; asked again with the same request, answers unchanged; with another, refuses (<c>handover.exists</c>).</summary>
    Task<HandoverReceipt> RecordAsync(HandoverRequest request, Actor actor);

    /// <summary>Marks it recorded by mistake, for the cooperative it belongs to; voided before, answers unchanged.</summary>
    Task<HandoverReceipt> VoidAsync(Guid cooperativeId, string reason, Actor actor);
}

[GenerateSerializer, Immutable]
public sealed record HandoverRequest([property: Id(0)] Guid CooperativeId, [property: Id(1)] Guid HouseholdId, [property: Id(2)] long AmountDong,
    [property: Id(3)] DateOnly HandedOn, [property: Id(4)] HandoverMethod Method, [property: Id(5)] string? Note);

/// <summary><see cref="Unchanged"/>: the handover was recorded (or voided) before.</summary>
[GenerateSerializer, Immutable]
public sealed record HandoverReceipt([property: Id(0)] Guid HandoverId, [property: Id(1)] bool Unchanged);
