using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using static RuralMarket.Domain.Tests.Builders;

namespace RuralMarket.Domain.Tests.Orders;

public class OrderRefundTests
{
    private static readonly PayoutAccount BuyerAccount = new("970405", "1500 2051 12345", "Nguyễn Thị Lan");

    private static Order Paid(PaymentMethod method, params OrderLine[] lines)
    {
        var order = Order(method, lines);
        order.MarkPaid(order.Total, "sepay/1", Now);
        return order;
    }

    private static Order Returned(PaymentMethod method, params OrderLine[] lines)
    {
        var order = Paid(method, lines);
        order.Confirm(Now);
        order.Pack(Now);
        order.HandToCarrier(Now);
        order.MarkReturned(Now);
        return order;
    }

    [Fact]
    public void A_cancelled_transfer_order_is_refunded_in_full_to_the_buyers_account_once_the_transfer_is_recorded()
    {
        var order = Paid(PaymentMethod.BankTransfer);
        order.Cancel(CancellationReason.ByCooperative, "Hết hàng", Now);
        var refundId = Guid.NewGuid();

        Assert.True(order.RequestRefund(refundId, [], BuyerAccount, "Hợp tác xã hết hàng", Now));
        Assert.False(order.RequestRefund(refundId, [], BuyerAccount, "Hợp tác xã hết hàng", Now)); // the same form sent twice
        var refund = Assert.Single(order.Refunds);
        Assert.Equal(order.Total, refund.Amount);
        Assert.Equal("1500205112345", refund.Payee!.AccountNumber);
        Assert.False(refund.IsSent);
        Assert.Empty(order.PendingEvents.OfType<OrderRefunded>());

        Assert.True(order.SendRefund(refundId, "FT26338123456", Now.AddHours(2)));
        Assert.False(order.SendRefund(refundId, "FT26338123456", Now.AddHours(3)));
        Assert.Equal("order.refund_already_sent", Assert.Throws<DomainException>(() => order.SendRefund(refundId, "FT999", Now)).Code);
        var refunded = Assert.Single(order.PendingEvents.OfType<OrderRefunded>());
        Assert.Equal(order.Total.Dong, refunded.AmountDong);
        Assert.Empty(refunded.ProductIds);
    }

    [Fact]
    public void Nothing_is_refunded_before_it_was_paid_nor_for_an_order_still_on_its_way()
    {
        var cash = Order(PaymentMethod.CashOnDelivery);
        cash.Cancel(CancellationReason.ByBuyer, "", Now);
        Assert.Equal("order.refund_not_paid", Assert.Throws<DomainException>(() => cash.RequestRefund(Guid.NewGuid(), [], null, "x", Now)).Code);

        var unpaid = Order(PaymentMethod.Card);
        unpaid.Cancel(CancellationReason.ByBuyer, "", Now);
        Assert.Equal("order.refund_not_paid", Assert.Throws<DomainException>(() => unpaid.RequestRefund(Guid.NewGuid(), [], null, "x", Now)).Code);

        var confirmed = Paid(PaymentMethod.Card);
        confirmed.Confirm(Now);
        Assert.Equal("order.refund_not_cancelled", Assert.Throws<DomainException>(() => confirmed.RequestRefund(Guid.NewGuid(), [], null, "x", Now)).Code);
        Assert.Empty(confirmed.Refunds);
    }

    [Fact]
    public void A_transfer_needs_the_buyers_account_and_a_card_takes_none()
    {
        var transfer = Paid(PaymentMethod.BankTransfer);
        transfer.Cancel(CancellationReason.ByBuyer, "", Now);
        Assert.Equal("order.refund_payee_required", Assert.Throws<DomainException>(() => transfer.RequestRefund(Guid.NewGuid(), [], null, "x", Now)).Code);

        var card = Paid(PaymentMethod.Card);
        card.Cancel(CancellationReason.ByBuyer, "", Now);
        Assert.Equal("order.refund_payee_card", Assert.Throws<DomainException>(() => card.RequestRefund(Guid.NewGuid(), [], BuyerAccount, "x", Now)).Code);
        Assert.True(card.RequestRefund(Guid.NewGuid(), [], null, "Người mua hủy", Now));
        Assert.Equal("order.refund_exists", Assert.Throws<DomainException>(() => card.RequestRefund(Guid.NewGuid(), [], null, "again", Now)).Code);
    }

    [Fact]
    public void A_returned_order_gives_back_the_goods_of_chosen_lines_each_once_after_the_goods_are_back()
    {
        var mien = Line(85_000, 2);
        var mat = Line(250_000, 1);
        var order = Returned(PaymentMethod.Card, mien, mat);

        Assert.Equal("order.refund_return_not_received",
            Assert.Throws<DomainException>(() => order.RequestRefund(Guid.NewGuid(), [mien.ProductId], null, "Hàng hỏng", Now)).Code);
        order.ConfirmReturnReceived(Now);
        Assert.Equal("order.refund_not_cancelled", Assert.Throws<DomainException>(() => order.RequestRefund(Guid.NewGuid(), [], null, "x", Now)).Code);
        Assert.Equal("order.refund_lines", Assert.Throws<DomainException>(() => order.RequestRefund(Guid.NewGuid(), [Guid.NewGuid()], null, "x", Now)).Code);

        Assert.True(order.RequestRefund(Guid.NewGuid(), [mien.ProductId], null, "Hàng hỏng", Now));
        Assert.Equal(Money.FromDong(170_000), order.RefundedTotal);
        Assert.Equal("order.refund_exists",
            Assert.Throws<DomainException>(() => order.RequestRefund(Guid.NewGuid(), [mien.ProductId, mat.ProductId], null, "x", Now)).Code);
        Assert.True(order.RequestRefund(Guid.NewGuid(), [mat.ProductId], null, "Người mua không nhận", Now));
        Assert.Equal(order.Subtotal, order.RefundedTotal); // the carriage is not given back
    }

    [Fact]
    public void An_unknown_refund_cannot_be_sent()
    {
        var order = Paid(PaymentMethod.Card);
        Assert.Equal("order.refund_unknown", Assert.Throws<DomainException>(() => order.SendRefund(Guid.NewGuid(), "stripe/re_1", Now)).Code);
    }
}
