using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Payments;

/// <summary>Records one handover of money to a household, checked against the cooperative's members as they are now.</summary>
public sealed class HouseholdHandoverGrain(
    [PersistentState("household-handover", TableGrainStorage.Name)] IPersistentState<AggregateState<HouseholdHandover>> state,
    IDbContextFactory<RuralMarketDbContext> contexts,
    TimeProvider clock) : AggregateGrain<HouseholdHandover>(state, clock), IHouseholdHandoverGrain
{
    protected override string NotFoundCode => "handover.not_found";

    public async Task<HandoverReceipt> RecordAsync(HandoverRequest request, Actor actor)
    {
        var amount = Money.FromDong(request.AmountDong);
        if (Exists)
        {
            return Aggregate.CooperativeId == request.CooperativeId && Aggregate.IsSameAs(request.HouseholdId, amount, request.HandedOn, request.Method)
                ? new HandoverReceipt(Aggregate.Id, Unchanged: true)
                : throw new DomainException("handover.exists", "This form was already used for another handover: open the page again.");
        }
        await using var db = await contexts.CreateDbContextAsync();
        var cooperative = await db.Cooperatives.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CooperativeId)
            ?? throw new DomainException("cooperative.not_found", $"Cooperative {request.CooperativeId} does not exist.");
        await ChangeAsync(now =>
        {
            var handover = HouseholdHandover.Record(this.GetPrimaryKey(), cooperative, request.HouseholdId, amount, request.HandedOn,
                request.Method, request.Note, actor.Name, now);
            Start(handover);
            var household = cooperative.Households.Single(h => h.Id == request.HouseholdId);
            RecordActivity(cooperative.Id, actor, "household.handover", $"{household.HeadName}: {amount}", now);
        });
        return new HandoverReceipt(this.GetPrimaryKey(), Unchanged: false);
    }

    public async Task<HandoverReceipt> VoidAsync(Guid cooperativeId, string reason, Actor actor)
    {
        if (!Exists || Aggregate.CooperativeId != cooperativeId)
        {
            throw new DomainException(NotFoundCode, "No such handover for this cooperative.");
        }
        var changed = await ChangeAsync(now =>
        {
            var voided = Aggregate.Void(reason, now);
            if (voided)
            {
                RecordActivity(cooperativeId, actor, "household.handover_voided", $"{Aggregate.Amount} ({Aggregate.HandedOn:dd/MM/yyyy})", now);
            }
            return voided;
        });
        return new HandoverReceipt(this.GetPrimaryKey(), Unchanged: !changed);
    }
}
