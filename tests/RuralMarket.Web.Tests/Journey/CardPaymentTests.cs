using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Testing.Payments;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// Paying by card through Stripe Checkout (Stripe is a loopback fake; the SDK is the real one): the buyer is sent to
/// Stripe's page with the exact amount in VND, and the signed webhook pays the order once, whatever order events come in.
/// </summary>
public sealed class CardPaymentTests : IAsyncLifetime
{
    private readonly FakeStripe _stripe = new();
    private PortalWorld _world = null!;
    private RuralMarketApp _app = null!;
    private HttpClient _client = null!;
    private Guid _productId;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync(_stripe.Settings);
        _app = _world.App;
        // Stripe's pay page is outside: the redirect to it is looked at, never followed.
        _client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using var db = NewContext();
        _productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _stripe.Dispose();
    }

    [Fact]
    public async Task The_buyer_is_sent_to_stripe_with_the_total_in_vnd_for_this_checkout_under_a_stable_idempotency_key()
    {
        var response = await PayByCardAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FakeStripe.PayPageOf("cs_test_a1"), response.Headers.Location!.ToString());
        var order = await LastOrderAsync();
        Assert.Equal((PaymentMethod.Card, OrderStatus.Placed, null), (order.PaymentMethod, order.Status, order.PaidAt));
        var (headers, body) = Assert.Single(_stripe.RawRequestsTo(FakeStripe.SessionsPath));
        var form = Uri.UnescapeDataString(body.Replace('+', ' '));
        Assert.Contains("currency=vnd", form, StringComparison.Ordinal);
        Assert.Contains($"client_reference_id={order.CheckoutId}", form, StringComparison.Ordinal);
        Assert.Contains($"line_items[0][price_data][unit_amount]={order.Total.Dong}", form, StringComparison.Ordinal);
        Assert.Contains("mode=payment", form, StringComparison.Ordinal);
        Assert.Equal($"checkout-{order.CheckoutId:N}-attempt-1", headers["Idempotency-Key"].Single());
        Assert.Equal($"Bearer {FakeStripe.SecretKey}", headers["Authorization"].Single());

        var again = await _client.PostFormAsync($"/orders/{order.TrackingToken}", $"/orders/{order.TrackingToken}?handler=PayByCard");
        Assert.Equal(FakeStripe.PayPageOf("cs_test_a1"), again.Headers.Location!.ToString());
        Assert.Equal($"checkout-{order.CheckoutId:N}-attempt-1", _stripe.RawRequestsTo(FakeStripe.SessionsPath)[^1].Headers["Idempotency-Key"].Single());
    }

    [Fact]
    public async Task A_completed_session_replayed_and_after_a_failed_attempt_pays_the_order_once()
    {
        await PayByCardAsync();
        var order = await LastOrderAsync();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_stripe.Event("payment_intent.payment_failed", new { id = "pi_fake_1", @object = "payment_intent" }))).StatusCode);
        Assert.Null((await LastOrderAsync()).PaidAt);

        var completed = _stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong));
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(completed)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_stripe.Event("payment_intent.payment_failed", new { id = "pi_fake_2", @object = "payment_intent" }))).StatusCode);

        var paid = await LastOrderAsync();
        Assert.NotNull(paid.PaidAt);
        Assert.Equal("stripe/pi_fake_1", paid.PaymentReference);
        await using var db = NewContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Type == DomainEventNames.OrderPaid && m.Payload.Contains(order.Code)));
        Assert.Equal(CardEventOutcome.Paid, (await db.CardEvents.AsNoTracking().Where(e => e.Type == "checkout.session.completed").SingleAsync()).Outcome);
        Assert.DoesNotContain("Thanh toán bằng thẻ</button>", await _client.PageAsync($"/orders/{paid.TrackingToken}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_paying_a_different_total_pays_nothing_and_is_kept_for_review()
    {
        await PayByCardAsync();
        var order = await LastOrderAsync();

        await SendAsync(_stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong - 1, "cs_test_short")));

        Assert.Null((await LastOrderAsync()).PaidAt);
        await using var db = NewContext();
        Assert.Contains(await db.CardEvents.AsNoTracking().Select(e => e.Outcome).ToListAsync(), o => o == CardEventOutcome.NeedsReview);
        var queue = await (await _world.ClientAsync("admin")).PageAsync("/admin/transfers");
        Assert.Contains("Thanh toán thẻ chưa khớp đơn", queue, StringComparison.Ordinal);
        Assert.Contains("cs_test_short", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_with_a_bad_or_stale_signature_is_refused_and_changes_nothing()
    {
        await PayByCardAsync();
        var order = await LastOrderAsync();
        var (body, _) = _stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong));
        var stale = _stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong), signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync((body, "t=1,v1=deadbeef"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync((body.Replace(order.Total.Dong.ToString(), "1"), _stripe.Event("x", new { }).Signature))).StatusCode);
        Assert.Null((await LastOrderAsync()).PaidAt);
    }

    [Fact]
    public async Task When_stripe_refuses_the_order_is_held_and_the_buyer_is_told_to_pay_again_from_the_tracking_page()
    {
        _stripe.WillRefuse("Invalid API Key provided");
        var response = await PayByCardAsync();

        Assert.Equal("/checkout/confirmation", response.Headers.Location!.ToString());
        var confirmation = await _client.PageAsync("/checkout/confirmation");
        Assert.Contains("Chưa kết nối được cổng thanh toán thẻ", confirmation, StringComparison.Ordinal);
        var order = await LastOrderAsync();
        Assert.Contains("Thanh toán bằng thẻ</button>", await _client.PageAsync($"/orders/{order.TrackingToken}"), StringComparison.Ordinal);
        _stripe.WillCreateSession("cs_test_a1");
    }

    private async Task<HttpResponseMessage> PayByCardAsync()
    {
        await PrepaidCheckout.AddToCartAsync(_client, _productId);
        return await PrepaidCheckout.CheckoutAsync(_client, "card", name: "Emily Tran");
    }

    private Task<HttpResponseMessage> SendAsync((string Body, string Signature) stripeEvent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(stripeEvent.Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", stripeEvent.Signature);
        return _client.SendAsync(request);
    }

    private async Task<Order> LastOrderAsync()
    {
        await using var db = NewContext();
        return await db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync();
    }

    private RuralMarketDbContext NewContext() => _app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();
}
