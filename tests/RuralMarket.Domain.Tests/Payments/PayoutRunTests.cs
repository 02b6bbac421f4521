using System.Text;
using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Payments;

public class PayoutRunTests
{
    private static readonly PayoutAccount Agribank = new("970405", "8888 0000 1234", "HTX Nông nghiệp Vi Hương");
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static PayoutLine Share(long dong, string? account = null) =>
        new(Guid.NewGuid(), "RM-TEST0001", account ?? LedgerEntry.Household(Guid.NewGuid()), Money.FromDong(dong));

    [Fact]
    public void A_thousand_orders_sold_remitted_refunded_and_paid_out_leave_nothing_owed_and_every_posting_balances()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 1_000; i++)
        {
            var method = (PaymentMethod)(i % 3);
            var order = SalePostingTests.Order(random, method);
            var rate = new PlatformFeeRate(random.Next(0, PlatformFeeRate.MaxBasisPoints + 1));
            var paidInto = method == PaymentMethod.CashOnDelivery ? LedgerEntry.CashOnDelivery("ghn") : LedgerEntry.Bank;
            var postings = new List<IReadOnlyList<LedgerEntry>> { SalePosting.For(order, paidInto, rate) };
            if (method == PaymentMethod.CashOnDelivery)
            {
                postings.Add(RemittancePosting.For("ghn", order.Total, Money.FromDong(random.Next(0, 60_000))));
            }
            if (random.Next(4) == 0)
            {
                postings.Add(SalePosting.RefundOf(postings[0], [order.Lines[0].ProductId], LedgerEntry.Bank));
            }
            var owed = postings.SelectMany(p => p).Where(e => e.Account.StartsWith("cooperative:", StringComparison.Ordinal) || e.Account.StartsWith("household:", StringComparison.Ordinal))
                .GroupBy(e => e.Account).Select(g => (g.Key, -g.Sum(e => e.Signed))).Where(a => a.Item2 > 0)
                .Select(a => new PayoutLine(order.Id, order.Code, a.Key, Money.FromDong(a.Item2))).ToList();
            if (owed.Count > 0)
            {
                var run = PayoutRun.Draw(Guid.NewGuid(), order.CooperativeId, Today, Agribank, owed, Builders.Now);
                run.MarkPaid("FT26337000001", Builders.Now);
                postings.Add(run.Posting());
            }

            Assert.All(postings, p => Assert.Equal(0, p.Sum(e => e.Signed)));
            var all = postings.SelectMany(p => p).ToList();
            Assert.All(all.Where(e => e.Account.StartsWith("cooperative:", StringComparison.Ordinal) || e.Account.StartsWith("household:", StringComparison.Ordinal)
                    || e.Account.StartsWith("cod:", StringComparison.Ordinal)).GroupBy(e => e.Account),
                account => Assert.Equal(0, account.Sum(e => e.Signed)));
        }
    }

    [Fact]
    public void A_cooperative_without_a_bank_account_or_without_settled_money_gets_no_run()
    {
        Assert.Equal("payout.no_account", Assert.Throws<DomainException>(() =>
            PayoutRun.Draw(Guid.NewGuid(), Guid.NewGuid(), Today, null, [Share(100_000)], Builders.Now)).Code);
        Assert.Equal("payout.nothing_settled", Assert.Throws<DomainException>(() =>
            PayoutRun.Draw(Guid.NewGuid(), Guid.NewGuid(), Today, Agribank, [], Builders.Now)).Code);
    }

    [Fact]
    public void One_share_of_an_order_cannot_be_paid_twice_in_a_run()
    {
        var share = Share(100_000);
        Assert.Equal("payout.line_twice", Assert.Throws<DomainException>(() =>
            PayoutRun.Draw(Guid.NewGuid(), Guid.NewGuid(), Today, Agribank, [share, share with { }], Builders.Now)).Code);
    }

    [Fact]
    public void Marking_a_run_paid_again_with_its_reference_changes_nothing_and_another_reference_is_refused()
    {
        var run = PayoutRun.Draw(Guid.NewGuid(), Guid.NewGuid(), Today, Agribank, [Share(150_000), Share(50_000)], Builders.Now);
        run.ClearPendingEvents();

        Assert.True(run.MarkPaid("FT26337000001", Builders.Now));
        Assert.False(run.MarkPaid(" FT26337000001 ", Builders.Now.AddHours(1)));
        Assert.Single(run.PendingEvents);
        Assert.Equal(Builders.Now, run.PaidAt);
        Assert.Equal("payout.already_paid", Assert.Throws<DomainException>(() => run.MarkPaid("FT26337999999", Builders.Now)).Code);
        Assert.Equal(Money.FromDong(200_000), run.Total);
    }

    [Fact]
    public void The_memo_is_plain_ascii_and_names_the_run()
    {
        var run = PayoutRun.Draw(Guid.NewGuid(), Guid.NewGuid(), Today, Agribank, [Share(1)], Builders.Now);

        Assert.StartsWith("CT261203-", run.Code, StringComparison.Ordinal);
        Assert.Contains(run.Code, run.Memo, StringComparison.Ordinal);
        Assert.True(Encoding.ASCII.GetByteCount(run.Memo) == run.Memo.Length && run.Memo.All(c => c < 128));
    }

    [Fact]
    public void A_remittance_clears_what_the_carrier_owed_and_its_fee_pays_the_carriage()
    {
        var posting = RemittancePosting.For("ghn", Money.FromDong(317_000), Money.FromDong(32_000));
        Assert.Contains(new LedgerEntry(LedgerEntry.CashOnDelivery("ghn"), LedgerSide.Credit, Money.FromDong(317_000)), posting);
        Assert.Contains(new LedgerEntry(LedgerEntry.CarrierFees, LedgerSide.Debit, Money.FromDong(32_000)), posting);
        Assert.Contains(new LedgerEntry(LedgerEntry.Bank, LedgerSide.Debit, Money.FromDong(285_000)), posting);

        var feeAboveCash = RemittancePosting.For("ghn", Money.FromDong(10_000), Money.FromDong(25_000));
        Assert.Contains(new LedgerEntry(LedgerEntry.Bank, LedgerSide.Credit, Money.FromDong(15_000)), feeAboveCash);
        Assert.Equal(0, feeAboveCash.Sum(e => e.Signed));
    }
}
