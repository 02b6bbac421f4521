using Orleans.Concurrency;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Grains.Cooperatives;

/// <summary>The single writer of one cooperative (keyed by its id) and its member households.</summary>
public interface ICooperativeGrain : IGrainWithGuidKey
{
    Task RegisterAsync(CooperativeRegistration registration, Actor actor);

    Task ReviseProfileAsync(CooperativeProfile profile, Actor actor);

    Task VerifyAsync(Actor actor);

    Task RejectAsync(string reason, Actor actor);

    Task AddHouseholdAsync(Guid householdId, HouseholdDetails household, Actor actor);

    Task ReviseHouseholdAsync(Guid householdId, HouseholdDetails household, Actor actor);

    Task DeactivateHouseholdAsync(Guid householdId, Actor actor);

    Task ReactivateHouseholdAsync(Guid householdId, Actor actor);

    /// <summary>Whether the platform has verified the cooperative, so its published products are for sale.</summary>
    [AlwaysInterleave]
    Task<bool> IsVerifiedAsync();

    /// <summary>Refuses (<c>product.producer_not_member</c>) unless every household is an active member.</summary>
    [AlwaysInterleave]
    Task RequireActiveMembersAsync(IReadOnlyList<Guid> householdIds);
}

[GenerateSerializer, Immutable]
public sealed record CooperativeRegistration(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string RegistrationNumber,
    [property: Id(3)] Address Address,
    [property: Id(4)] string ContactPhone,
    [property: Id(5)] string Story);

/// <summary>The profile form's parts: identity (fixed once verified), address, contact, story and payout account.</summary>
[GenerateSerializer, Immutable]
public sealed record CooperativeProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] string RegistrationNumber,
    [property: Id(2)] Address Address,
    [property: Id(3)] string ContactPhone,
    [property: Id(4)] string? ContactEmail,
    [property: Id(5)] string Story,
    [property: Id(6)] PayoutAccount? Payout);

[GenerateSerializer, Immutable]
public sealed record HouseholdDetails(
    [property: Id(0)] string HeadName,
    [property: Id(1)] string Village,
    [property: Id(2)] string Produces,
    [property: Id(3)] string? Phone);
