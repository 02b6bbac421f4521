using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Orders;

public class OrderTests
{
    [Fact]
    public void Totals_use_the_prices_on_the_lines_plus_shipping()
    {
        var order = Builders.Order(PaymentMethod.CashOnDelivery, Builders.Line(85_000, 2), Builders.Line(250_000, 1));
        Assert.Equal(Money.FromDong(420_000), order.Subtotal);
        Assert.Equal(Money.FromDong(450_000), order.Total);
        Assert.Equal(order.Total, order.CashOnDeliveryAmount);
        Assert.Equal(1500, order.WeightGrams);
    }

    [Fact]
    public void An_order_needs_lines_and_a_product_only_once()
    {
        Assert.Equal("order.no_lines", Assert.Throws<DomainException>(() =>
            Order.Place(new OrderIdentity(Guid.NewGuid(), "C", "T", Guid.NewGuid()), Guid.NewGuid(), Builders.Recipient(),
                PaymentMethod.CashOnDelivery, [], Money.Zero, Builders.Now, TimeSpan.FromMinutes(30))).Code);
        var line = Builders.Line();
        Assert.Equal("order.duplicate_product", Assert.Throws<DomainException>(() => Builders.Order(PaymentMethod.CashOnDelivery, line, line)).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Quantities_outside_1_to_999_are_refused(int quantity) =>
        Assert.Equal("order.quantity_out_of_range", Assert.Throws<DomainException>(() => Builders.Line(quantity: quantity)).Code);

    [Fact]
    public void Cash_on_delivery_never_expires_and_is_paid_on_delivery()
    {
        var order = Builders.Order();
        Assert.Null(order.ReservationExpiresAt);
        Assert.False(order.IsReservationExpired(Builders.Now.AddYears(1)));
        Assert.Equal("order.paid_on_delivery", Assert.Throws<DomainException>(() => order.MarkPaid(order.Total, "sepay/1", Builders.Now)).Code);
        var delivered = Builders.OrderAt(OrderStatus.Delivered);
        Assert.NotNull(delivered.PaidAt);
    }

    [Fact]
    public void An_unpaid_bank_transfer_expires_after_its_window()
    {
        var order = Builders.Order(PaymentMethod.BankTransfer);
        Assert.Equal(Builders.Now.AddMinutes(30), order.ReservationExpiresAt);
        Assert.Equal("order.not_expired", Assert.Throws<DomainException>(() => order.Expire(Builders.Now.AddMinutes(29))).Code);
        order.Expire(Builders.Now.AddMinutes(30));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(CancellationReason.PaymentExpired, order.CancellationReason);
    }

    [Fact]
    public void A_paid_order_no_longer_expires_and_must_be_paid_in_full()
    {
        var order = Builders.Order(PaymentMethod.BankTransfer);
        Assert.Equal("order.not_paid", Assert.Throws<DomainException>(() => order.Confirm(Builders.Now)).Code);
        Assert.Equal("order.amount_mismatch", Assert.Throws<DomainException>(() => order.MarkPaid(order.Total - Money.FromDong(1), "sepay/1", Builders.Now)).Code);
        order.MarkPaid(order.Total, "sepay/1", Builders.Now);
        Assert.False(order.IsReservationExpired(Builders.Now.AddDays(1)));
        order.Confirm(Builders.Now);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    [Fact]
    public void The_same_payment_recorded_twice_counts_once_and_another_one_or_one_past_the_window_is_refused()
    {
        var order = Builders.Order(PaymentMethod.BankTransfer);
        Assert.True(order.MarkPaid(order.Total, "sepay/92704", Builders.Now));
        Assert.False(order.MarkPaid(order.Total, "sepay/92704", Builders.Now.AddMinutes(1)));
        Assert.Equal(Builders.Now, order.PaidAt);
        Assert.Equal("order.already_paid", Assert.Throws<DomainException>(() => order.MarkPaid(order.Total, "casso/555", Builders.Now)).Code);
        Assert.Single(order.PendingEvents.OfType<OrderPaid>());

        var late = Builders.Order(PaymentMethod.BankTransfer);
        Assert.Equal("order.not_payable", Assert.Throws<DomainException>(() => late.MarkPaid(late.Total, "sepay/1", late.ReservationExpiresAt!.Value)).Code);
        Assert.Null(late.PaidAt);
    }

    [Fact]
    public void A_prepaid_order_awaits_payment_until_it_is_paid_or_its_window_ends_and_cash_on_delivery_never_does()
    {
        var order = Builders.Order(PaymentMethod.BankTransfer);
        Assert.True(order.AwaitsPayment(Builders.Now));
        Assert.False(order.AwaitsPayment(order.ReservationExpiresAt!.Value));
        order.MarkPaid(order.Total, "sepay/1", Builders.Now);
        Assert.False(order.AwaitsPayment(Builders.Now));
        Assert.False(Builders.Order(PaymentMethod.CashOnDelivery).AwaitsPayment(Builders.Now));
    }

    [Fact]
    public void Cancelling_records_who_cancelled()
    {
        var order = Builders.Order();
        Assert.Equal("order.cancel_reason", Assert.Throws<DomainException>(() => order.Cancel(CancellationReason.PaymentExpired, "", Builders.Now)).Code);
        order.Cancel(CancellationReason.ByBuyer, "Đặt nhầm", Builders.Now);
        Assert.Equal(CancellationReason.ByBuyer, order.CancellationReason);
        Assert.Equal("Đặt nhầm", order.Timeline[^1].Note);
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84.98.765.4321", "0987654321")]
    [InlineData("024 3825 1234", "02438251234")]
    public void Vietnamese_phone_numbers_are_normalised(string input, string expected) =>
        Assert.Equal(expected, VietnamesePhone.Normalize(input));

    [Theory]
    [InlineData("12345")]
    [InlineData("0112345678")]
    [InlineData("09123456789")]
    [InlineData("0912345678<script>")]
    [InlineData("")]
    public void Other_phone_numbers_are_refused(string input) =>
        Assert.Equal("buyer.phone.invalid", Assert.Throws<DomainException>(() => VietnamesePhone.Normalize(input)).Code);
}
