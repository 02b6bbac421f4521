using RuralMarket.Domain.Cooperatives;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Cooperatives;

public sealed class CooperativeGrain(
    [PersistentState("cooperative", TableGrainStorage.Name)] IPersistentState<AggregateState<Cooperative>> state,
    TimeProvider clock) : AggregateGrain<Cooperative>(state, clock), ICooperativeGrain
{
    protected override string NotFoundCode => "cooperative.not_found";

    public Task RegisterAsync(CooperativeRegistration registration, Actor actor) =>
        ChangeAsync(now =>
        {
            var cooperative = Cooperative.Register(this.GetPrimaryKey(), registration.Slug, registration.Name, registration.RegistrationNumber,
                registration.Address, registration.Story, now);
            if (registration.ContactPhone.Length > 0)
            {
                cooperative.ReviseProfile(cooperative.Name, cooperative.RegistrationNumber, cooperative.Address, registration.ContactPhone, null, now);
            }
            Start(cooperative);
            Activity(actor, "cooperative.registered", cooperative.Name, now);
        });

    public Task ReviseProfileAsync(CooperativeProfile profile, Actor actor) =>
        ChangeAsync(now =>
        {
            var cooperative = Aggregate;
            cooperative.ReviseProfile(profile.Name, profile.RegistrationNumber, profile.Address, profile.ContactPhone, profile.ContactEmail, now);
            cooperative.TellStory(profile.Story, now);
            if (profile.Payout is { } payout)
            {
                cooperative.PayInto(payout, now);
            }
            Activity(actor, "cooperative.profile_revised", cooperative.Name, now);
        });

    public Task VerifyAsync(Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.Verify(now);
            Activity(actor, "cooperative.verified", Aggregate.Name, now);
        });

    public Task RejectAsync(string reason, Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.Reject(reason, now);
            Activity(actor, "cooperative.rejected", Aggregate.Name, now);
        });

    public Task AddHouseholdAsync(Guid householdId, HouseholdDetails household, Actor actor) =>
        ChangeAsync(now =>
        {
            var added = Aggregate.AddHousehold(householdId, household.HeadName, household.Village, household.Produces, household.Phone, now);
            Activity(actor, "household.added", added.HeadName, now);
        });

    public Task ReviseHouseholdAsync(Guid householdId, HouseholdDetails household, Actor actor) =>
        ChangeAsync(now =>
        {
            var revised = Aggregate.ReviseHousehold(householdId, household.HeadName, household.Village, household.Produces, household.Phone, now);
            Activity(actor, "household.revised", revised.HeadName, now);
        });

    public Task DeactivateHouseholdAsync(Guid householdId, Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.DeactivateHousehold(householdId, now);
            Activity(actor, "household.deactivated", HeadOf(householdId), now);
        });

    public Task ReactivateHouseholdAsync(Guid householdId, Actor actor) =>
        ChangeAsync(now =>
        {
            Aggregate.ReactivateHousehold(householdId, now);
            Activity(actor, "household.reactivated", HeadOf(householdId), now);
        });

    public Task<bool> IsVerifiedAsync() => Task.FromResult(Exists && Aggregate.Verification == VerificationStatus.Verified);

    public Task RequireActiveMembersAsync(IReadOnlyList<Guid> householdIds)
    {
        Aggregate.RequireActiveMembers(householdIds);
        return Task.CompletedTask;
    }

    private string HeadOf(Guid householdId) => Aggregate.Households.Single(h => h.Id == householdId).HeadName;

    private void Activity(Actor actor, string action, string subject, DateTimeOffset now) => RecordActivity(this.GetPrimaryKey(), actor, action, subject, now);
}
