using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using RuralMarket.Grains.Payments;

namespace RuralMarket.Grains.Tests.Payments;

/// <summary>
/// Payout runs drawn from the ledger through the real grain and storage. The ledger's postings are written here as the
/// silo's handlers write them (the relay does not run in this cluster).
/// </summary>
public abstract class PayoutRunGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly Actor Manager = new(Guid.NewGuid(), "Nông Thị Hoa", "manager");
    private static readonly Actor Admin = new(Guid.NewGuid(), "Quản trị", "admin");
    private static readonly DateOnly Today = new(2026, 12, 3);

    private TestPlatform Platform => cluster.Platform;

    private IGrainFactory Grains => cluster.Grains;

    public Task InitializeAsync() => cluster.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static IPayoutRunGrain Run(IGrainFactory grains, Guid cooperativeId, DateOnly day) =>
        grains.GetGrain<IPayoutRunGrain>(IPayoutRunGrain.IdOf(cooperativeId, day));

    /// <summary>A cash-on-delivery order delivered by a partner, its sale posted as owed by the carrier.</summary>
    private async Task<(Cooperative Cooperative, Order Order, string Carrier)> DeliveredCodSaleAsync(bool withAccount = true)
    {
        var cooperative = await Platform.AddCooperativeAsync($"htx-{Guid.NewGuid():N}",
            payout: withAccount ? new PayoutAccount("970405", "8888000012345", "HTX Vi Hương") : null);
        var product = await Platform.AddProductAsync(cooperative, $"mien-{Guid.NewGuid():N}", stock: 10);
        var placed = Assert.Single(await Grains.GetGrain<ICheckoutGrain>(Guid.NewGuid())
            .PlaceAsync(new CheckoutRequest(CatalogBuilder.Recipient(), PaymentMethod.CashOnDelivery, [new CheckoutLine(product.Id, 2)])));
        var order = Grains.GetGrain<IOrderGrain>(placed.OrderId);
        await order.ConfirmAsync(Manager);
        await order.PackAsync(Manager);
        var partner = await Platform.AddPostalPartnerAsync();
        var ticket = await order.BookShipmentAsync(partner.Id, new Parcel(1_200, 30, 20, 15), Manager);
        var shipment = Grains.GetGrain<RuralMarket.Grains.Logistics.IShipmentGrain>(ticket.ShipmentId);
        var start = DateTimeOffset.UtcNow;
        foreach (var (status, hours) in new[] { (ShipmentStatus.PickedUp, 1), (ShipmentStatus.InTransit, 2), (ShipmentStatus.Delivered, 20) })
        {
            await shipment.ReportAsync(new ShipmentReport($"evt-{hours}", status, status.ToString(), start.AddHours(hours), ReportSource.Webhook, DeliveryFailureReason.None));
        }
        await using var db = Platform.NewContext();
        var stored = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == placed.OrderId);
        Assert.Equal(OrderStatus.Delivered, stored.Status);
        await PostAsync(Posting.SaleOf(stored.Id), stored.Id, SalePosting.For(stored, LedgerEntry.CashOnDelivery(partner.Carrier), new PlatformFeeRate(0)));
        return (cooperative, stored, partner.Carrier);
    }

    private async Task PostAsync(string posting, Guid? orderId, IReadOnlyList<LedgerEntry> entries)
    {
        await using var db = Platform.NewContext();
        db.LedgerLines.AddRange(entries.Select(e => new LedgerLine(posting, orderId, e, DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();
    }

    private Task RemitAsync(Order order, string carrier) =>
        PostAsync(Posting.RemittanceOf(Guid.NewGuid(), order.Code), order.Id, RemittancePosting.For(carrier, order.Total, order.ShippingFee));

    [ServiceFact]
    public async Task Cash_not_yet_remitted_is_not_paid_out_and_once_remitted_each_household_is_paid_its_share_once()
    {
        var (cooperative, order, carrier) = await DeliveredCodSaleAsync();

        var early = await Assert.ThrowsAsync<DomainException>(() => Run(Grains, cooperative.Id, Today).DrawAsync(cooperative.Id, Today));
        Assert.Equal("payout.nothing_settled", early.Code);

        await RemitAsync(order, carrier);
        var receipt = await Run(Grains, cooperative.Id, Today).DrawAsync(cooperative.Id, Today);

        Assert.Equal((2, order.Lines.Sum(l => l.Total.Dong), false), (receipt.Lines, receipt.TotalDong, receipt.Unchanged));
        await using (var db = Platform.NewContext())
        {
            var run = await db.PayoutRuns.AsNoTracking().SingleAsync(r => r.Id == receipt.RunId);
            Assert.Equal(PayoutStatus.Open, run.Status);
            Assert.Equal("8888000012345", run.Account.AccountNumber);
            var shares = run.Lines.ToDictionary(l => l.HouseholdId!.Value, l => l.Amount.Dong);
            Assert.Equal(102_000, shares[cooperative.Households[0].Id]); // 60 % of 170.000 ₫
            Assert.Equal(68_000, shares[cooperative.Households[1].Id]);
        }
        Assert.Equal(receipt with { Unchanged = true }, await Run(Grains, cooperative.Id, Today).DrawAsync(cooperative.Id, Today));
        var nextDay = await Assert.ThrowsAsync<DomainException>(() => Run(Grains, cooperative.Id, Today.AddDays(1)).DrawAsync(cooperative.Id, Today.AddDays(1)));
        Assert.Equal("payout.nothing_settled", nextDay.Code);
    }

    [ServiceFact]
    public async Task Two_runs_drawn_at_once_for_one_cooperative_pay_each_share_once()
    {
        var (cooperative, order, carrier) = await DeliveredCodSaleAsync();
        await RemitAsync(order, carrier);

        var draws = Enumerable.Range(1, 4).Select(async day =>
        {
            try
            {
                return await Run(Grains, cooperative.Id, Today.AddDays(day)).DrawAsync(cooperative.Id, Today.AddDays(day));
            }
            catch (Exception)
            {
                return null; // the run that lost the race refuses; which error it gives does not matter here
            }
        });
        var receipts = (await Task.WhenAll(draws)).OfType<PayoutRunReceipt>().ToList();

        await using var db = Platform.NewContext();
        var lines = await db.PayoutRuns.AsNoTracking().Where(r => r.CooperativeId == cooperative.Id).SelectMany(r => r.Lines).ToListAsync();
        Assert.Equal(2, lines.Count);
        Assert.Single(receipts);
    }

    [ServiceFact]
    public async Task A_run_is_marked_paid_once_with_its_bank_reference()
    {
        var (cooperative, order, carrier) = await DeliveredCodSaleAsync();
        await RemitAsync(order, carrier);
        var run = Run(Grains, cooperative.Id, Today);
        await run.DrawAsync(cooperative.Id, Today);

        Assert.False((await run.MarkPaidAsync("FT26337000001", Admin)).Unchanged);
        Assert.True((await run.MarkPaidAsync("FT26337000001", Admin)).Unchanged);
        var other = await Assert.ThrowsAsync<DomainException>(() => run.MarkPaidAsync("FT26337999999", Admin));

        Assert.Equal("payout.already_paid", other.Code);
        await using var db = Platform.NewContext();
        var stored = await db.PayoutRuns.AsNoTracking().SingleAsync(r => r.CooperativeId == cooperative.Id);
        Assert.Equal((PayoutStatus.Paid, "FT26337000001"), (stored.Status, stored.BankReference));
        Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Type == DomainEventNames.PayoutRunPaid && m.Payload.Contains(stored.Id.ToString())).ToListAsync());
    }

    [ServiceFact]
    public async Task A_cooperative_without_a_bank_account_gets_no_run_and_its_money_keeps_waiting()
    {
        var (cooperative, order, carrier) = await DeliveredCodSaleAsync(withAccount: false);
        await RemitAsync(order, carrier);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Run(Grains, cooperative.Id, Today).DrawAsync(cooperative.Id, Today));

        Assert.Equal("payout.no_account", refusal.Code);
        await using var db = Platform.NewContext();
        Assert.Equal(order.Lines.Sum(l => l.Total.Dong), (await SettledMoney.OfAsync(db, cooperative.Id)).WaitingTotal.Dong);
    }
}

public sealed class SqlitePayoutRunGrainTests(SqliteGrainCluster cluster) : PayoutRunGrainTests(cluster), IClassFixture<SqliteGrainCluster>;

public sealed class PostgresPayoutRunGrainTests(PostgresGrainCluster cluster) : PayoutRunGrainTests(cluster), IClassFixture<PostgresGrainCluster>, IUsesPostgres;
