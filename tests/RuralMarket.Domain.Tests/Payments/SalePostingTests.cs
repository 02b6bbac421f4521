using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Payments;

public class SalePostingTests
{
    private static readonly Guid Cooperative = Guid.NewGuid();

    internal static Order Order(Random random, PaymentMethod method)
    {
        var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        {
            var households = random.Next(1, 5);
            var percents = Enumerable.Repeat(1, households).ToArray();
            for (var left = 100 - households; left > 0; left--)
            {
                percents[random.Next(households)]++;
            }
            var producers = random.Next(10) == 0 ? null : percents.Select(p => new ProducerShare(Guid.NewGuid(), p)).ToList(); // some sold before shares were kept
            return new OrderLine(Guid.NewGuid(), "Miến dong", Money.FromDong(random.Next(1, 2_000_000)), random.Next(1, 1_000), 500, producers);
        }).ToList();
        return Domain.Orders.Order.Place(new OrderIdentity(Guid.NewGuid(), "RMTEST0001", "t", Guid.NewGuid()), Cooperative, Builders.Recipient(), method,
            lines, Money.FromDong(random.Next(0, 200_000)), Builders.Now, TimeSpan.FromMinutes(30));
    }

    private static string PaidInto(PaymentMethod method) => method == PaymentMethod.CashOnDelivery ? LedgerEntry.CashOnDelivery("ghn") : LedgerEntry.Bank;

    [Fact]
    public void Every_posting_of_a_thousand_generated_orders_balances_and_each_sale_is_divided_exactly()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 1_000; i++)
        {
            var method = (PaymentMethod)(i % 3);
            var order = Order(random, method);
            var rate = new PlatformFeeRate(random.Next(0, PlatformFeeRate.MaxBasisPoints + 1));
            var sale = SalePosting.For(order, PaidInto(method), rate);

            Assert.Equal(0, sale.Sum(e => e.Signed));
            Assert.Equal(order.Total, Debited(sale, PaidInto(method)));
            Assert.Equal(order.ShippingFee, Credited(sale, LedgerEntry.CarrierFees));
            var fees = Money.Sum(order.Lines.Select(l => rate.Of(l.Total)));
            Assert.Equal(fees, Credited(sale, LedgerEntry.PlatformFees));
            var toHouseholds = Money.Sum(order.Lines.Where(l => l.Producers.Count > 0).Select(l => l.Total - rate.Of(l.Total)));
            Assert.Equal(toHouseholds, Money.Sum(sale.Where(e => e.Account.StartsWith("household:", StringComparison.Ordinal)).Select(e => e.Amount)));
            foreach (var line in order.Lines.Where(l => l.Producers.Count > 0))
            {
                foreach (var share in line.Producers)
                {
                    var part = Credited(sale, LedgerEntry.Household(share.HouseholdId)).Dong;
                    var exact = (decimal)(line.Total - rate.Of(line.Total)).Dong * share.Percent / 100;
                    Assert.InRange(part, Math.Floor(exact), Math.Floor(exact) + line.Producers.Count); // rounding moves at most a few đồng
                }
            }

            var refund = random.Next(3) switch
            {
                0 => SalePosting.RefundOf(sale, [], PaidInto(method)),
                1 => SalePosting.RefundOf(sale, [order.Lines[0].ProductId], PaidInto(method)),
                _ => [],
            };
            Assert.Equal(0, refund.Sum(e => e.Signed));
            if (refund.Count > 0 && refund.Sum(e => e.Amount.Dong) == sale.Sum(e => e.Amount.Dong))
            {
                // a full refund leaves every account where it was before the sale
                Assert.All(sale.Concat(refund).GroupBy(e => e.Account), account => Assert.Equal(0, account.Sum(e => e.Signed)));
            }
        }
    }

    [Fact]
    public void With_no_platform_fee_a_households_share_of_a_line_is_its_percent_of_the_goods()
    {
        var lan = Guid.NewGuid();
        var binh = Guid.NewGuid();
        var line = new OrderLine(Guid.NewGuid(), "Miến dong", Money.FromDong(85_000), 3, 500, [new ProducerShare(lan, 60), new ProducerShare(binh, 40)]);
        var order = Domain.Orders.Order.Place(new OrderIdentity(Guid.NewGuid(), "RMTEST0002", "t", Guid.NewGuid()), Cooperative, Builders.Recipient(),
            PaymentMethod.BankTransfer, [line], Money.FromDong(32_000), Builders.Now, TimeSpan.FromMinutes(30));

        var sale = SalePosting.For(order, LedgerEntry.Bank, new PlatformFeeRate(0));

        Assert.Equal(Money.FromDong(287_000), Debited(sale, LedgerEntry.Bank));
        Assert.Equal(Money.FromDong(153_000), Credited(sale, LedgerEntry.Household(lan)));
        Assert.Equal(Money.FromDong(102_000), Credited(sale, LedgerEntry.Household(binh)));
        Assert.Equal(Money.FromDong(32_000), Credited(sale, LedgerEntry.CarrierFees));
        Assert.DoesNotContain(sale, e => e.Account == LedgerEntry.PlatformFees);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_001)]
    public void A_platform_fee_outside_0_to_30_percent_is_refused(int basisPoints) =>
        Assert.Equal("ledger.fee_rate", Assert.Throws<DomainException>(() => new PlatformFeeRate(basisPoints)).Code);

    private static Money Debited(IEnumerable<LedgerEntry> entries, string account) =>
        Money.Sum(entries.Where(e => e.Account == account && e.Side == LedgerSide.Debit).Select(e => e.Amount));

    private static Money Credited(IEnumerable<LedgerEntry> entries, string account) =>
        Money.Sum(entries.Where(e => e.Account == account && e.Side == LedgerSide.Credit).Select(e => e.Amount));
}
