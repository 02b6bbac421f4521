using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using RuralMarket.Grains.Storage;
using RuralMarket.Logistics;

namespace RuralMarket.Grains.Logistics;

/// <summary>
/// One parcel. Booking asks the partner's carrier for a waybill before anything is stored, so a carrier that refuses
/// leaves no shipment behind. Every report is stored first; then the order is handed every step the timeline has
/// applied so far and follows those it has not seen, so an order a crash left behind catches up with the next report.
/// </summary>
public sealed class ShipmentGrain(
    [PersistentState("shipment", TableGrainStorage.Name)] IPersistentState<AggregateState<Shipment>> state,
    IGrainFactory grains,
    IDbContextFactory<RuralMarketDbContext> contexts,
    Carriers carriers,
    TimeProvider clock) : AggregateGrain<Shipment>(state, clock), IShipmentGrain
{
    private static readonly TimeSpan CarrierTimeout = TimeSpan.FromSeconds(20);

    protected override string NotFoundCode => "shipment.not_found";

    public async Task<ShipmentTicket> BookAsync(ShipmentRequest request, Actor actor)
    {
        if (!Exists)
        {
            var (carrierCode, sender, recipient) = await PartiesAsync(request);
            var carrier = carriers.For(carrierCode);
            using var timeout = new CancellationTokenSource(CarrierTimeout);
            var booked = await carrier.BookAsync(
                new CarrierParcel(request.OrderCode, request.Parcel, sender, recipient, request.CashOnDelivery, request.ShippingFee), timeout.Token);
            await ChangeAsync(now =>
            {
                Start(Shipment.Book(new ShipmentBooking(this.GetPrimaryKey(), request.OrderId, request.OrderCode, request.CooperativeId, request.PartnerId,
                    carrier.Code, booked.Service, booked.Waybill, request.Parcel, sender.End, request.Recipient, request.ShippingFee, booked.Fee,
                    request.CashOnDelivery), now));
                RecordActivity(request.CooperativeId, actor, "shipment.booked", $"{request.OrderCode} · {booked.Waybill}", now);
            });
        }
        return new ShipmentTicket(Aggregate.Id, Aggregate.Carrier, Aggregate.Waybill);
    }

    public async Task<ReportReceipt> ReportAsync(ShipmentReport report)
    {
        var outcome = await ChangeAsync(now => Aggregate.Report(report, now).Outcome);
        await TellOrderAsync();
        return new ReportReceipt(outcome, Aggregate.Status);
    }

    public async Task<int> RefreshAsync()
    {
        var shipment = Aggregate;
        if (shipment.IsFinished)
        {
            return 0;
        }
        using var timeout = new CancellationTokenSource(CarrierTimeout);
        var steps = await carriers.For(shipment.Carrier).FetchStepsAsync(shipment.Waybill, timeout.Token);
        var fresh = steps.Where(step => !Aggregate.Knows(step.EventKey)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        // A step the timeline cannot take is left out rather than failing the rest: it is refused before anything changes.
        var applied = await ChangeAsync(now => fresh.Count(step =>
        {
            try
            {
                return Aggregate.Report(step, now).Outcome == ReportOutcome.Applied;
            }
            catch (IllegalShipmentStepException)
            {
                return false;
            }
        }));
        await TellOrderAsync();
        return applied;
    }

    public async Task CancelAsync(Actor actor)
    {
        var shipment = Aggregate;
        if (!shipment.CanMoveTo(ShipmentStatus.Cancelled))
        {
            throw new IllegalShipmentStepException(shipment.Waybill, shipment.Status, ShipmentStatus.Cancelled);
        }
        using var timeout = new CancellationTokenSource(CarrierTimeout);
        await carriers.For(shipment.Carrier).CancelAsync(shipment.Waybill, timeout.Token);
        await ChangeAsync(now =>
        {
            Aggregate.Report(new ShipmentReport($"cancel/{now.UtcTicks}", ShipmentStatus.Cancelled, string.Empty, now,
                actor.IsStaff ? ReportSource.Cooperative : ReportSource.Platform), now);
            RecordActivity(Aggregate.CooperativeId, actor, "shipment.cancelled", $"{Aggregate.OrderCode} · {Aggregate.Waybill}", now);
        });
        await TellOrderAsync();
    }

    private Task TellOrderAsync()
    {
        var applied = Aggregate.Events
            .Where(e => e.Outcome == ReportOutcome.Applied && e.Status is not null)
            .Select(e => new ShipmentStep(e.Sequence, e.Status!.Value, e.Reason, e.Note, e.OccurredAt))
            .ToList();
        return grains.GetGrain<IOrderGrain>(Aggregate.OrderId).FollowShipmentAsync(Aggregate.Id, applied);
    }

    private async Task<(string Carrier, CarrierParty Sender, CarrierParty Recipient)> PartiesAsync(ShipmentRequest request)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var partner = await db.PostalPartners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PartnerId && p.Active)
            ?? throw new DomainException("shipment.partner_unknown", $"Postal partner {request.PartnerId} does not exist or is switched off.");
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == request.CooperativeId);
        var sender = new ParcelEnd(cooperative.Name, cooperative.ContactPhone, cooperative.Address);
        var codes = new[] { sender.Address.ProvinceCode, request.Recipient.Address.ProvinceCode };
        var names = await db.Provinces.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name);
        CarrierParty Party(ParcelEnd end) => new(end, names.GetValueOrDefault(end.Address.ProvinceCode, end.Address.ProvinceCode));
        return (partner.Carrier, Party(sender), Party(request.Recipient));
    }
}
