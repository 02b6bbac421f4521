using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Payments;

/// <summary>
/// Draws one payout run from what the ledger says is settled and unpaid, and records its payment. The unique index on
/// an order's share in <c>payout_lines</c> backs the rule that a share is paid once even if two runs raced.
/// </summary>
public sealed class PayoutRunGrain(
    [PersistentState("payout-run", TableGrainStorage.Name)] IPersistentState<AggregateState<PayoutRun>> state,
    IDbContextFactory<RuralMarketDbContext> contexts,
    TimeProvider clock) : AggregateGrain<PayoutRun>(state, clock), IPayoutRunGrain
{
    protected override string NotFoundCode => "payout.not_found";

    public async Task<PayoutRunReceipt> DrawAsync(Guid cooperativeId, DateOnly drawnOn)
    {
        if (this.GetPrimaryKey() != IPayoutRunGrain.IdOf(cooperativeId, drawnOn))
        {
            throw new DomainException("payout.wrong_grain", "A payout run is drawn by the grain of its cooperative and day.");
        }
        if (Exists)
        {
            return Receipt(unchanged: true);
        }
        await using var db = await contexts.CreateDbContextAsync();
        var account = await db.Cooperatives.AsNoTracking().Where(c => c.Id == cooperativeId).Select(c => new { c.Payout })
            .SingleOrDefaultAsync() ?? throw new DomainException("cooperative.not_found", $"Cooperative {cooperativeId} does not exist.");
        var money = await SettledMoney.OfAsync(db, cooperativeId);
        await ChangeAsync(now => Start(PayoutRun.Draw(this.GetPrimaryKey(), cooperativeId, drawnOn, account.Payout, money.Waiting, now)));
        return Receipt(unchanged: false);
    }

    public async Task<PayoutRunReceipt> MarkPaidAsync(string bankReference, Actor actor)
    {
        var changed = await ChangeAsync(now =>
        {
            var paid = Aggregate.MarkPaid(bankReference, now);
            if (paid)
            {
                RecordActivity(Aggregate.CooperativeId, actor, "payout.paid", $"{Aggregate.Code} {Aggregate.BankReference}", now);
            }
            return paid;
        });
        return Receipt(unchanged: !changed);
    }

    private PayoutRunReceipt Receipt(bool unchanged)
    {
        var run = Aggregate;
        return new PayoutRunReceipt(run.Id, run.Code, run.Lines.Count, run.Total.Dong, unchanged);
    }
}
