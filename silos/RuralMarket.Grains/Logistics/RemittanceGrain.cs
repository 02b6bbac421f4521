using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Logistics;

/// <summary>One COD remittance: recorded once, as sent; the reconciliation reads it against the parcels.</summary>
public sealed class RemittanceGrain(
    [PersistentState("remittance", TableGrainStorage.Name)] IPersistentState<AggregateState<Remittance>> state,
    TimeProvider clock) : AggregateGrain<Remittance>(state, clock), IRemittanceGrain
{
    protected override string NotFoundCode => "remittance.not_found";

    public async Task<RemittanceReceipt> RecordAsync(RemittanceReport report)
    {
        if (this.GetPrimaryKey() != IRemittanceGrain.IdOf(report.PartnerId, report.Reference))
        {
            throw new DomainException("remittance.wrong_grain", "A remittance is recorded by the grain of its partner and reference.");
        }
        var existed = Exists;
        if (!existed)
        {
            await ChangeAsync(now => Start(Remittance.Record(this.GetPrimaryKey(), report.PartnerId, report.Reference, report.RemittedOn,
                report.Source, report.Lines, now)));
        }
        var remittance = Aggregate;
        return new RemittanceReceipt(remittance.Id, remittance.Lines.Count, remittance.Total.Dong, existed);
    }
}
