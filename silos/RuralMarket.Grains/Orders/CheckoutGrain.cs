using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Geography;
using RuralMarket.Data.Orders;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Orders;

/// <summary>
/// The checkout saga. The plan is stored first (which units go on which cooperative's order), then every line is
/// reserved in product-id order, then the orders are placed; any refusal releases every line. A reminder resumes a
/// checkout a crash cut short, going forward when every line can be had and undoing it otherwise.
/// </summary>
public sealed class CheckoutGrain(
    [PersistentState("checkout", TableGrainStorage.Name)] IPersistentState<AggregateState<Checkout>> state,
    IGrainFactory grains,
    IDbContextFactory<RuralMarketDbContext> contexts,
    CheckoutMetrics metrics,
    TimeProvider clock) : AggregateGrain<Checkout>(state, clock), ICheckoutGrain, IRemindable
{
    public const string ResumeReminder = "resume-checkout";

    private Task? _planning;
    private Task<IReadOnlyList<PlacedOrder>>? _running;

    protected override string NotFoundCode => "checkout.not_found";

    public async Task<IReadOnlyList<PlacedOrder>> PlaceAsync(CheckoutRequest request)
    {
        if (!Exists)
        {
            // Submits arriving together plan once; the first one's plan is the checkout.
            await (_planning ??= PlanAsync(request));
        }
        return await RunOnceAsync();
    }

    public async Task ResumeAsync()
    {
        if (!Exists || Aggregate.IsFinished)
        {
            if (Exists && Aggregate.Status == CheckoutStatus.Refused)
            {
                await ReleaseAllAsync();
            }
            await ForgetReminderAsync(ResumeReminder);
            return;
        }
        try
        {
            await RunOnceAsync();
        }
        catch (DomainException)
        {
            // Undone: the refusal is stored for the buyer's next submit.
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ResumeReminder ? ResumeAsync() : Task.CompletedTask;

    private async Task PlanAsync(CheckoutRequest request)
    {
        await Task.Yield(); // _planning is set before this can end
        try
        {
            await PlanOnceAsync(request);
        }
        finally
        {
            _planning = null;
        }
    }

    private async Task PlanOnceAsync(CheckoutRequest request)
    {
        var ids = request.Lines.Select(l => l.ProductId).Distinct().ToList();
        Dictionary<Guid, Guid> cooperatives;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await new AdministrativeUnits(db).RequireKnownAsync(request.Recipient.Address, CancellationToken.None);
            cooperatives = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.CooperativeId);
        }
        await ChangeAsync(now => Start(Checkout.Start(this.GetPrimaryKey(), request.Recipient, request.PaymentMethod,
            [.. request.Lines.Select(l => (l.ProductId, l.Quantity))],
            productId => cooperatives.TryGetValue(productId, out var cooperativeId) ? cooperativeId : null,
            checkoutId => new OrderIdentity(Guid.NewGuid(), OrderCodes.NewCode(), OrderCodes.NewTrackingToken(), checkoutId), now,
            request.ShippingFees)));
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>A repeated submit and a reminder tick arriving together share one run.</summary>
    private Task<IReadOnlyList<PlacedOrder>> RunOnceAsync() => _running ??= RunAsync();

    private async Task<IReadOnlyList<PlacedOrder>> RunAsync()
    {
        await Task.Yield(); // _running is set before this run can end
        try
        {
            var checkout = Aggregate;
            if (checkout.IsFinished)
            {
                return checkout.Status == CheckoutStatus.Placed ? checkout.Orders : throw checkout.Refusal();
            }
            var placed = new List<PlacedOrder>();
            try
            {
                var reserved = new List<(CheckoutItem Item, ReservedLine Line)>();
                foreach (var item in checkout.Items)
                {
                    reserved.Add((item, await grains.GetGrain<IProductGrain>(item.ProductId).ReserveAsync(item.OrderId, item.Quantity)));
                }
                foreach (var order in reserved.GroupBy(r => r.Item.OrderId))
                {
                    var lines = order.Select(r => new OrderLine(r.Line.ProductId, r.Line.Name, r.Line.UnitPrice, r.Line.Quantity, r.Line.UnitWeightGrams, r.Line.Producers)).ToList();
                    var cooperativeId = order.First().Item.CooperativeId;
                    placed.Add(await grains.GetGrain<IOrderGrain>(order.Key).PlaceAsync(new OrderPlacement(
                        checkout.IdentityOf(order.Key), cooperativeId, checkout.Recipient, checkout.PaymentMethod, lines, checkout.ShippingFeeOf(cooperativeId))));
                }
            }
            catch (DomainException refusal) when (placed.Count == 0)
            {
                // Refused before released: a crash in between must not let a resume place what the buyer was told failed.
                await ChangeAsync(now => Aggregate.Refuse(refusal, now));
                metrics.Refused(refusal.Code);
                await ReleaseAllAsync();
                await ForgetReminderAsync(ResumeReminder);
                throw;
            }
            await ChangeAsync(now => Aggregate.Place(placed, now));
            metrics.Placed();
            await ForgetReminderAsync(ResumeReminder);
            return placed;
        }
        finally
        {
            _running = null;
        }
    }

    private Task ReleaseAllAsync() =>
        Task.WhenAll(Aggregate.Items.Select(i => grains.GetGrain<IProductGrain>(i.ProductId).ReleaseAsync(i.OrderId)));
}
