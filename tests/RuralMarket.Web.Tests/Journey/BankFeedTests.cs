using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// SePay's webhook reporting transfers into the collection account: a transfer whose memo holds an order's code and
/// whose amount is its total pays it, once; everything else is kept for review and pays nothing.
/// </summary>
public sealed class BankFeedTests : IAsyncLifetime
{
    private PortalWorld _world = null!;
    private RuralMarketApp _app = null!;
    private HttpClient _client = null!;
    private Guid _productId;
    private long _nextTransaction = 92_704;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync(SePayTransfer.Settings());
        _app = _world.App;
        _client = await _world.ClientAsync("anonymous");
        await using var db = NewContext();
        _productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_transfer_replayed_five_times_at_once_pays_the_order_once_and_the_qr_goes_away()
    {
        var order = await PlaceTransferOrderAsync();
        var body = SePay(order.Total.Dong, $"MBVCB.3278907687.{order.Code.ToLowerInvariant()}.CT tu 0123456 NGUYEN THI LAN");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await using var db = NewContext();
        var paid = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        Assert.NotNull(paid.PaidAt);
        Assert.Null(paid.ReservationExpiresAt);
        var transfer = Assert.Single(await db.BankTransfers.AsNoTracking().Where(t => t.OrderId == order.Id).ToListAsync());
        Assert.Equal(TransferOutcome.Matched, transfer.Outcome);
        Assert.Equal($"sepay/{transfer.TransactionId}", paid.PaymentReference);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Type == DomainEventNames.OrderPaid && m.Payload.Contains(order.Code)));
        Assert.DoesNotContain("Thanh toán bằng chuyển khoản VietQR", await _client.PageAsync($"/orders/{order.TrackingToken}"), StringComparison.Ordinal);

        // The sale is posted once: the bank received the total, the carrier's fee and each household's share owed.
        var ledger = await LedgerWait.SaleOfAsync(_app.Services, order.Id);
        Assert.Equal(0, ledger.Sum(l => l.Signed));
        Assert.Equal(order.Total, Assert.Single(ledger, l => l.Account == "bank").Amount);
        Assert.Equal(order.ShippingFee.Dong, ledger.Where(l => l.Account == "carrier-fees").Sum(l => l.Amount.Dong));
        Assert.Equal(order.Subtotal.Dong, ledger.Where(l => l.Account.StartsWith("household:", StringComparison.Ordinal)).Sum(l => l.Amount.Dong));
        Assert.Single(ledger.Select(l => l.Posting).Distinct());
    }

    [Theory]
    [InlineData(-1, TransferOutcome.WrongAmount)] // short
    [InlineData(10_000, TransferOutcome.WrongAmount)] // over-paid
    public async Task A_transfer_of_the_wrong_amount_lands_in_review_and_pays_nothing(long difference, string outcome)
    {
        var order = await PlaceTransferOrderAsync();

        await PostAsync(SePay(order.Total.Dong + difference, $"Thanh toan {order.Code}"));

        Assert.Equal((outcome, (Guid?)order.Id), await LastTransferAsync());
        Assert.Null(await PaidAtAsync(order.Id));
    }

    [Fact]
    public async Task A_transfer_for_a_cancelled_order_lands_in_review_and_neither_revives_it_nor_takes_stock_again()
    {
        var order = await PlaceTransferOrderAsync();
        await _client.PostFormAsync($"/orders/{order.TrackingToken}?confirm=cancel", $"/orders/{order.TrackingToken}?handler=Cancel");
        var stock = await StockAsync();

        await PostAsync(SePay(order.Total.Dong, order.Code));

        Assert.Equal((TransferOutcome.Late, (Guid?)order.Id), await LastTransferAsync());
        await using var db = NewContext();
        Assert.Equal(OrderStatus.Cancelled, await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());
        Assert.Equal(stock, await StockAsync());
    }

    [Fact]
    public async Task A_transfer_naming_no_order_is_kept_unmatched_and_money_going_out_is_not_kept()
    {
        var answer = await PostAsync(SePay(150_000, "ung ho dong bao vung lu"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal((TransferOutcome.Unmatched, (Guid?)null), await LastTransferAsync());

        var before = await TransferCountAsync();
        await PostAsync(SePay(90_000, "chi phi van chuyen", type: "out"));
        Assert.Equal(before, await TransferCountAsync());
    }

    [Fact]
    public async Task A_call_without_the_api_key_is_refused_and_kept_nowhere_and_a_body_we_cannot_read_is_a_400()
    {
        var before = await TransferCountAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(SePay(150_000, "RM00000000"), key: "Apikey wrong-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(SePay(150_000, "RM00000000"), key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"id\": 1, \"transferAmount\": 1.5}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("not json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/webhooks/nganhangkhac", new StringContent("{}"))).StatusCode);
        Assert.Equal(before, await TransferCountAsync());
    }

    [Fact]
    public async Task The_admin_matches_an_unmatched_transfer_by_hand_and_refunds_one_of_the_wrong_amount()
    {
        var admin = await _world.ClientAsync("admin");
        var order = await PlaceTransferOrderAsync();
        await PostAsync(SePay(order.Total.Dong, "chuyen tien mua mien dong"));
        var unmatched = await LastTransferIdAsync();
        var queue = await admin.PageAsync("/admin/transfers");
        Assert.Contains("chuyen tien mua mien dong", queue, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy đơn", queue, StringComparison.Ordinal);

        var unknown = await admin.PostFormAsync("/admin/transfers", "/admin/transfers?handler=Match", ("id", unmatched.ToString()), ("orderCode", "RM00000000"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không có đơn hàng nào mang mã này.", await unknown.BodyAsync(), StringComparison.Ordinal);

        var matched = await admin.PostFormAsync("/admin/transfers", "/admin/transfers?handler=Match", ("id", unmatched.ToString()), ("orderCode", " " + order.Code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, matched.StatusCode);
        Assert.NotNull(await PaidAtAsync(order.Id));
        Assert.Equal((TransferOutcome.MatchedByHand, (Guid?)order.Id), await LastTransferAsync());

        var second = await PlaceTransferOrderAsync();
        await PostAsync(SePay(second.Total.Dong - 5_000, second.Code));
        var short5k = await LastTransferIdAsync();
        var refused = await admin.PostFormAsync("/admin/transfers", "/admin/transfers?handler=Match", ("id", short5k.ToString()), ("orderCode", second.Code));
        Assert.Contains("Số tiền chuyển khác tổng tiền của đơn.", await refused.BodyAsync(), StringComparison.Ordinal);
        Assert.Null(await PaidAtAsync(second.Id));
        await admin.PostFormAsync("/admin/transfers", "/admin/transfers?handler=Refunded", ("id", short5k.ToString()), ("bankReference", "FT26337123456"));
        Assert.Equal((TransferOutcome.Refunded, (Guid?)second.Id), await LastTransferAsync());
        var after = await admin.PageAsync("/admin/transfers");
        Assert.DoesNotContain("chuyen tien mua mien dong", after[..after.IndexOf("Đã xử lý gần đây", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("FT26337123456", after, StringComparison.Ordinal);

        var again = await admin.PostFormAsync("/admin/transfers", "/admin/transfers?handler=Refunded", ("id", short5k.ToString()), ("bankReference", "FT2"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode); // resolved: no longer in the queue
    }

    private async Task<long> LastTransferIdAsync()
    {
        await using var db = NewContext();
        return await db.BankTransfers.MaxAsync(t => t.Id);
    }

    private string SePay(long amount, string content, string type = "in") => SePayTransfer.Body(Interlocked.Increment(ref _nextTransaction), amount, content, type);

    private Task<HttpResponseMessage> PostAsync(string body, string? key = "Apikey " + SePayTransfer.ApiKey) => _client.SendAsync(SePayTransfer.Request(body, key));

    private async Task<Order> PlaceTransferOrderAsync()
    {
        await PrepaidCheckout.AddToCartAsync(_client, _productId);
        await PrepaidCheckout.CheckoutAsync(_client, "transfer");
        await using var db = NewContext();
        return await db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync();
    }

    private async Task<(string, Guid?)> LastTransferAsync()
    {
        await using var db = NewContext();
        var last = await db.BankTransfers.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync();
        return (last.Outcome, last.OrderId);
    }

    private async Task<DateTimeOffset?> PaidAtAsync(Guid orderId)
    {
        await using var db = NewContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => o.PaidAt).SingleAsync();
    }

    private async Task<int> StockAsync()
    {
        await using var db = NewContext();
        return await db.Products.Where(p => p.Id == _productId).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> TransferCountAsync()
    {
        await using var db = NewContext();
        return await db.BankTransfers.CountAsync();
    }

    private RuralMarketDbContext NewContext() => _app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();
}
