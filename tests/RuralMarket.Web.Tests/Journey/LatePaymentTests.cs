using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Grains.Orders;
using RuralMarket.Testing.Payments;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// Money arriving after a prepaid order's payment window (5 seconds here): a transfer or a card payment for an order
/// past its window pays nothing and waits for review, the order is not revived, and its stock is not taken again.
/// </summary>
public sealed class LatePaymentTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private readonly FakeStripe _stripe = new();
    private PortalWorld _world = null!;
    private HttpClient _buyer = null!;

    public async Task InitializeAsync()
    {
        var settings = SePayTransfer.Settings();
        settings["Orders:PaymentWindow"] = Window.ToString();
        foreach (var (key, value) in _stripe.Settings)
        {
            settings[key] = value;
        }
        _world = await PortalWorld.CreateAsync(settings);
        _buyer = await _world.ClientAsync("anonymous");
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _stripe.Dispose();
    }

    [Fact]
    public async Task A_transfer_after_the_window_goes_to_review_and_the_stock_returns_once_when_the_order_expires()
    {
        var before = await StockAsync();
        var order = await PlaceAsync("transfer");
        Assert.Equal(before - 1, await StockAsync());
        await Task.Delay(Window + TimeSpan.FromSeconds(1)); // past the window, whether or not its reminder has run yet

        Assert.Equal(HttpStatusCode.OK, (await _buyer.SendAsync(SePayTransfer.Paying(order.Code, order.Total.Dong))).StatusCode);
        await ExpireAsync(order);

        var transfer = await _world.QueryAsync(db => db.BankTransfers.AsNoTracking().SingleAsync(t => t.OrderId == order.Id));
        Assert.Equal(TransferOutcome.Late, transfer.Outcome);
        var after = await OrderAsync(order.Id);
        Assert.Equal((OrderStatus.Cancelled, CancellationReason.PaymentExpired, null), (after.Status, after.CancellationReason, after.PaidAt));
        Assert.Equal(before, await StockAsync());
        Assert.Contains("Đơn đã hủy hoặc quá hạn", await (await _world.ClientAsync("admin")).PageAsync("/admin/transfers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_payment_completed_after_the_order_expired_pays_nothing_and_is_kept_for_review()
    {
        var before = await StockAsync();
        var order = await PlaceAsync("card");
        await Task.Delay(Window + TimeSpan.FromSeconds(1));
        await ExpireAsync(order);
        Assert.Equal(before, await StockAsync());

        var (body, signature) = _stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong, "cs_late"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        Assert.Equal(HttpStatusCode.OK, (await _buyer.SendAsync(request)).StatusCode);

        var kept = await _world.QueryAsync(db => db.CardEvents.AsNoTracking().SingleAsync(e => e.Type == "checkout.session.completed"));
        Assert.Equal(CardEventOutcome.NeedsReview, kept.Outcome);
        Assert.Contains("order.not_payable", kept.Detail, StringComparison.Ordinal);
        Assert.Equal((OrderStatus.Cancelled, (DateTimeOffset?)null), ((await OrderAsync(order.Id)).Status, (await OrderAsync(order.Id)).PaidAt));
        Assert.Equal(before, await StockAsync());
    }

    /// <summary>What the payment-window reminder does, asked for at once so the test does not wait on the reminder service's timing.</summary>
    private Task ExpireAsync(Order order) => _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(order.Id).ExpireAsync();

    private async Task<Order> PlaceAsync(string payment)
    {
        await PrepaidCheckout.AddToCartAsync(_buyer, _world.A.ProductId);
        await PrepaidCheckout.CheckoutAsync(_buyer, payment);
        return await _world.QueryAsync(db => db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync());
    }

    private Task<Order> OrderAsync(Guid id) => _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));

    private Task<int> StockAsync() => _world.QueryAsync(db => db.Products.Where(p => p.Id == _world.A.ProductId).Select(p => p.Stock).SingleAsync());
}
