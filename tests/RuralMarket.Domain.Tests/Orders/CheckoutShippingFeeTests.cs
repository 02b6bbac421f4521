using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Orders;

/// <summary>The parcel fees a checkout carries from the page the buyer confirmed to the orders it places.</summary>
public class CheckoutShippingFeeTests
{
    private static readonly Guid Tea = Guid.NewGuid();
    private static readonly Guid Noodles = Guid.NewGuid();
    private static readonly Guid TeaCooperative = Guid.NewGuid();
    private static readonly Guid NoodleCooperative = Guid.NewGuid();

    private static Checkout Start(Dictionary<Guid, Money>? fees) =>
        Checkout.Start(Guid.NewGuid(), Builders.Recipient(), PaymentMethod.CashOnDelivery, [(Tea, 1), (Noodles, 2)],
            product => product == Tea ? TeaCooperative : NoodleCooperative,
            checkoutId => new OrderIdentity(Guid.NewGuid(), "RM-" + Guid.NewGuid().ToString("N")[..6], "t", checkoutId), Builders.Now, fees);

    [Fact]
    public void Each_cooperative_keeps_the_fee_it_was_quoted_and_one_without_a_quote_has_none()
    {
        var checkout = Start(new() { [TeaCooperative] = Money.FromDong(36_300) });
        Assert.Equal(Money.FromDong(36_300), checkout.ShippingFeeOf(TeaCooperative));
        Assert.Null(checkout.ShippingFeeOf(NoodleCooperative));
        Assert.Null(Start(null).ShippingFeeOf(TeaCooperative));
    }

    [Fact]
    public void A_fee_for_a_cooperative_with_nothing_on_the_checkout_or_above_any_parcels_price_is_refused()
    {
        Assert.Equal("checkout.shipping_fee_cooperative",
            Assert.Throws<DomainException>(() => Start(new() { [Guid.NewGuid()] = Money.FromDong(30_000) })).Code);
        Assert.Equal("order.shipping_fee",
            Assert.Throws<DomainException>(() => Start(new() { [TeaCooperative] = Order.MaxShippingFee + Money.FromDong(1) })).Code);
    }
}
