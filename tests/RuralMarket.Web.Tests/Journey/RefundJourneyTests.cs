using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Testing.Payments;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// Giving a prepaid order's money back: a card refund goes to Stripe (a loopback fake; the SDK is the real one) once,
/// a transfer waits for the admin to pay the buyer's account by hand; either way the ledger takes the sale back and
/// the buyer's tracking page says so.
/// </summary>
public sealed partial class RefundJourneyTests : IAsyncLifetime
{
    private readonly FakeStripe _stripe = new();
    private PortalWorld _world = null!;
    private HttpClient _buyer = null!;
    private HttpClient _manager = null!;
    private Guid _productId;

    public async Task InitializeAsync()
    {
        var settings = SePayTransfer.Settings();
        foreach (var (key, value) in _stripe.Settings)
        {
            settings[key] = value;
        }
        _world = await PortalWorld.CreateAsync(settings);
        _buyer = await _world.ClientAsync("anonymous");
        _manager = await _world.ClientAsync("managerA");
        _productId = _world.A.ProductId;
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _stripe.Dispose();
    }

    [Fact]
    public async Task A_rejected_card_order_is_refunded_through_stripe_once_and_the_ledger_takes_the_sale_back()
    {
        var order = await PaidByCardAsync();
        await RejectAsync(order);
        var page = RefundPage(order);

        var refundId = await RefundIdAsync(page);
        var started = await _manager.PostFormAsync(page, page, ("Form.RefundId", refundId.ToString()), ("Form.Reason", "Hết hàng, xin lỗi quý khách"));
        var again = await _manager.PostFormAsync(page, page, ("Form.RefundId", refundId.ToString()), ("Form.Reason", "Hết hàng, xin lỗi quý khách"));

        Assert.Equal($"{page}?done=started", started.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (headers, body) = Assert.Single(_stripe.RawRequestsTo(FakeStripe.RefundsPath));
        var form = Uri.UnescapeDataString(body.Replace('+', ' '));
        Assert.Contains("payment_intent=pi_fake_1", form, StringComparison.Ordinal);
        Assert.Contains($"amount={order.Total.Dong}", form, StringComparison.Ordinal);
        Assert.Contains($"metadata[refund_id]={refundId}", form, StringComparison.Ordinal);
        Assert.Equal($"refund-{refundId:N}", headers["Idempotency-Key"].Single());
        var refund = Assert.Single((await OrderAsync(order.Id)).Refunds);
        Assert.Equal((order.Total, "stripe/re_fake_1"), (refund.Amount, refund.Reference));

        var posting = await LedgerWait.PostingAsync(_world.App.Services, p => p == Posting.RefundOf(order.Id, refundId));
        Assert.Equal(0, posting.Sum(l => l.Signed));
        Assert.Equal(order.Total, posting.Single(l => l.Account == LedgerEntry.Bank).Amount);
        var sale = (await LedgerWait.SaleOfAsync(_world.App.Services, order.Id)).Where(l => l.Posting == Posting.SaleOf(order.Id));
        Assert.All(sale.Concat(posting).GroupBy(l => l.Account), account => Assert.Equal(0, account.Sum(l => l.Signed))); // every share taken back

        Assert.Equal(HttpStatusCode.OK, (await StripeAsync(_stripe.Event("charge.refunded", FakeStripe.RefundedCharge(order.Total.Dong, order.Total.Dong)))).StatusCode);
        Assert.Equal(CardEventOutcome.Refunded, await LastCardOutcomeAsync());
        await StripeAsync(_stripe.Event("charge.refunded", FakeStripe.RefundedCharge(order.Total.Dong * 2, order.Total.Dong + 10_000)));
        Assert.Equal(CardEventOutcome.NeedsReview, await LastCardOutcomeAsync()); // refunded in Stripe's dashboard: the ledger cannot know where

        Assert.Contains("đã hoàn lúc", await _buyer.PageAsync($"/orders/{order.TrackingToken}"), StringComparison.Ordinal);
        Assert.Contains("Không còn khoản nào để hoàn", await _manager.PageAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_refund_stripe_did_not_take_stays_requested_and_is_sent_again_under_the_same_key()
    {
        var order = await PaidByCardAsync();
        await RejectAsync(order);
        var page = RefundPage(order);
        _stripe.WillRefuse("Charge has already been refunded.", FakeStripe.RefundsPath);

        var refundId = await RefundIdAsync(page);
        var started = await _manager.PostFormAsync(page, page, ("Form.RefundId", refundId.ToString()), ("Form.Reason", "Người mua hủy"));

        Assert.Equal($"{page}?done=not_taken", started.Headers.Location?.OriginalString);
        Assert.False(Assert.Single((await OrderAsync(order.Id)).Refunds).IsSent);
        Assert.Contains("Gửi lại cho Stripe", await _manager.PageAsync(page), StringComparison.Ordinal);
        Assert.Contains(order.Code, await (await _world.ClientAsync("admin")).PageAsync("/admin/refunds"), StringComparison.Ordinal);

        _stripe.WillRefund("re_fake_2");
        var resent = await _manager.PostFormAsync(page, page + "?handler=Resend", ("refundId", refundId.ToString()));
        Assert.Equal($"{page}?done=sent", resent.Headers.Location?.OriginalString);
        Assert.Equal("stripe/re_fake_2", Assert.Single((await OrderAsync(order.Id)).Refunds).Reference);
        Assert.All(_stripe.RawRequestsTo(FakeStripe.RefundsPath), r => Assert.Equal($"refund-{refundId:N}", r.Headers["Idempotency-Key"].Single()));
    }

    [Fact]
    public async Task A_cancelled_transfer_order_is_paid_back_by_hand_to_the_buyers_account_and_recorded_once()
    {
        var order = await PaidByTransferAsync();
        await _buyer.PostFormAsync($"/orders/{order.TrackingToken}?confirm=cancel", $"/orders/{order.TrackingToken}?handler=Cancel");
        var page = RefundPage(order);
        var refundId = await RefundIdAsync(page);

        var noAccount = await _manager.PostFormAsync(page, page, ("Form.RefundId", refundId.ToString()), ("Form.Reason", "Người mua hủy đơn"),
            ("Form.AccountNumber", "12ab"));
        Assert.Equal(HttpStatusCode.BadRequest, noAccount.StatusCode);
        Assert.Contains("Vui lòng chọn ngân hàng trong danh sách.", await noAccount.BodyAsync(), StringComparison.Ordinal);
        Assert.Empty((await OrderAsync(order.Id)).Refunds);

        var started = await _manager.PostFormAsync(page, page, ("Form.RefundId", refundId.ToString()), ("Form.Reason", "Người mua hủy đơn"),
            ("Form.BankBin", "970405"), ("Form.AccountNumber", "1500 2051 12345"), ("Form.HolderName", "Nguyễn Thị Lan"));
        Assert.Equal($"{page}?done=started", started.Headers.Location?.OriginalString);
        Assert.Empty(_stripe.RawRequestsTo(FakeStripe.RefundsPath));
        Assert.Contains("đang hoàn tiền", await _buyer.PageAsync($"/orders/{order.TrackingToken}"), StringComparison.Ordinal);

        var admin = await _world.ClientAsync("admin");
        var queue = await admin.PageAsync("/admin/refunds");
        Assert.Contains("1500205112345", queue, StringComparison.Ordinal);
        Assert.Contains("NGUYỄN THỊ LAN", queue, StringComparison.Ordinal);
        Assert.Contains($"RuralMarket hoan tien {order.Code}", queue, StringComparison.Ordinal);
        var fields = new (string, string)[] { ("orderId", order.Id.ToString()), ("refundId", refundId.ToString()), ("bankReference", "FT26338123456") };
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostFormAsync("/admin/refunds", "/admin/refunds?handler=Transferred", fields[0], fields[1], ("bankReference", " "))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/refunds", "/admin/refunds?handler=Transferred", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/refunds", "/admin/refunds?handler=Transferred", fields)).StatusCode);

        var refund = Assert.Single((await OrderAsync(order.Id)).Refunds);
        Assert.Equal((order.Total, "FT26338123456"), (refund.Amount, refund.Reference));
        var posting = await LedgerWait.PostingAsync(_world.App.Services, p => p == Posting.RefundOf(order.Id, refundId));
        Assert.Equal(0, posting.Sum(l => l.Signed));
        Assert.Contains("đã hoàn lúc", await _buyer.PageAsync($"/orders/{order.TrackingToken}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_still_on_its_way_or_paid_in_cash_offers_no_refund_and_a_forged_post_changes_nothing()
    {
        var order = await PaidByCardAsync(); // paid, not cancelled
        var page = RefundPage(order);
        Assert.Contains("Chỉ hoàn tiền cho đơn trả trước đã hủy", await _manager.PageAsync(page), StringComparison.Ordinal);

        var forged = await _manager.PostFormAsync(page, page, ("Form.RefundId", Guid.NewGuid().ToString()), ("Form.Reason", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Chỉ hoàn toàn bộ tiền cho đơn đã hủy hoặc bị thất lạc.", await forged.BodyAsync(), StringComparison.Ordinal);
        Assert.Empty((await OrderAsync(order.Id)).Refunds);
        Assert.Empty(_stripe.RawRequestsTo(FakeStripe.RefundsPath));

        var helper = await _world.ClientAsync("helperA");
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync(page)).StatusCode);
        var otherManager = await _world.ClientAsync("managerB");
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/portal/{_world.B.Slug}/orders/{order.Code}/refund")).StatusCode);
    }

    private string RefundPage(Order order) => $"/portal/{_world.A.Slug}/orders/{order.Code}/refund";

    private async Task<Guid> RefundIdAsync(string page) =>
        Guid.Parse(RefundIdField().Match(await _manager.PageAsync(page)).Groups[1].Value);

    private Task RejectAsync(Order order)
    {
        var page = $"/portal/{_world.A.Slug}/orders/{order.Code}";
        return _manager.PostFormAsync(page, page + "?handler=Reject", ("Reason", "Hết hàng, xin lỗi quý khách"));
    }

    private async Task<Order> PaidByCardAsync()
    {
        await PrepaidCheckout.AddToCartAsync(_buyer, _productId);
        await PrepaidCheckout.CheckoutAsync(_buyer, "card", name: "Emily Tran");
        var order = await LastOrderAsync();
        await StripeAsync(_stripe.Event("checkout.session.completed", FakeStripe.CompletedSession(order.CheckoutId, order.Total.Dong, $"cs_{order.Code}")));
        var paid = await OrderAsync(order.Id);
        Assert.NotNull(paid.PaidAt);
        return paid;
    }

    private async Task<Order> PaidByTransferAsync()
    {
        await PrepaidCheckout.AddToCartAsync(_buyer, _productId);
        await PrepaidCheckout.CheckoutAsync(_buyer, "transfer");
        var order = await LastOrderAsync();
        Assert.Equal(HttpStatusCode.OK, (await _buyer.SendAsync(SePayTransfer.Paying(order.Code, order.Total.Dong))).StatusCode);
        var paid = await OrderAsync(order.Id);
        Assert.NotNull(paid.PaidAt);
        return paid;
    }

    private Task<HttpResponseMessage> StripeAsync((string Body, string Signature) stripeEvent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(stripeEvent.Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", stripeEvent.Signature);
        return _buyer.SendAsync(request);
    }

    private Task<string> LastCardOutcomeAsync() =>
        _world.QueryAsync(db => db.CardEvents.AsNoTracking().OrderByDescending(e => e.ReceivedAt).Select(e => e.Outcome).FirstAsync());

    private Task<Order> LastOrderAsync() => _world.QueryAsync(db => db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync());

    private Task<Order> OrderAsync(Guid id) => _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));

    [GeneratedRegex("name=\"Form.RefundId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex RefundIdField();
}
