using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Payments.BankFeeds.Casso;
using RuralMarket.Payments.BankFeeds.PayOs;
using RuralMarket.Payments.BankFeeds.SePay;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// The bank feeds that sign their calls (Casso v2, payOS, SePay with an HMAC secret), end to end: a signed call for a
/// transfer naming the order pays it once, however often it comes; a call signed with another key is a 401 and keeps nothing.
/// The signatures themselves are checked against the providers' published vectors in RuralMarket.Payments.Tests.
/// </summary>
public sealed class SignedBankFeedTests : IAsyncLifetime
{
    private const string CassoKey = "test-casso-checksum-key-0001";
    private const string PayOsKey = "test-payos-checksum-key-0001";
    private const string SePaySecret = "test-sepay-hmac-secret-0001";

    private PortalWorld _world = null!;
    private HttpClient _client = null!;
    private Guid _productId;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync(new Dictionary<string, string?>(PrepaidCheckout.VietQrSettings)
        {
            ["Payments:Casso:Enabled"] = "true", ["Payments:Casso:ChecksumKey"] = CassoKey,
            ["Payments:PayOs:Enabled"] = "true", ["Payments:PayOs:ChecksumKey"] = PayOsKey,
            ["Payments:SePay:Enabled"] = "true", ["Payments:SePay:HmacSecret"] = SePaySecret, ["Payments:SePay:ApiKey"] = SePayTransfer.ApiKey,
        });
        _client = await _world.ClientAsync("anonymous");
        await using var db = NewContext();
        _productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_casso_transfer_sent_three_times_pays_the_order_once()
    {
        var order = await PlaceTransferOrderAsync();
        var body = Casso(7_301, order.Total.Dong, $"MBVCB.5550123.{order.Code}.CT tu 0123456 NGUYEN THI LAN");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("casso", body, ("X-Casso-Signature", CassoFeed.SignatureHeaderOf(CassoKey, Now.ToUnixTimeMilliseconds(), body)))).StatusCode);
        }

        Assert.Equal("casso/7301", await PaymentReferenceAsync(order.Id));
        Assert.Equal(1, await TransfersOfAsync(order.Id));
    }

    [Fact]
    public async Task A_payos_payment_pays_the_order_under_the_bank_reference()
    {
        var order = await PlaceTransferOrderAsync();

        var answer = await PostAsync("payos", PayOs("FT26338000111", order.Total.Dong, $"{order.Code} thanh toan"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("payos/FT26338000111", await PaymentReferenceAsync(order.Id));
    }

    [Fact]
    public async Task A_sepay_call_signed_with_its_secret_pays_and_the_api_key_alone_no_longer_does()
    {
        var order = await PlaceTransferOrderAsync();
        var body = SePayTransfer.Body(88_001, order.Total.Dong, $"thanh toan {order.Code}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(SePayTransfer.Request(body))).StatusCode);
        Assert.Null(await PaymentReferenceAsync(order.Id));

        var at = Now.ToUnixTimeSeconds();
        var signed = await PostAsync("sepay", body, ("X-SePay-Timestamp", at.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-SePay-Signature", "sha256=" + SePayFeed.SignatureOf(SePaySecret, at, body)));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("sepay/88001", await PaymentReferenceAsync(order.Id));
    }

    [Fact]
    public async Task Calls_signed_with_another_key_are_refused_and_keep_nothing()
    {
        var order = await PlaceTransferOrderAsync();
        var casso = Casso(7_302, order.Total.Dong, order.Code);
        var before = await TransferCountAsync();

        var answers = new[]
        {
            await PostAsync("casso", casso, ("X-Casso-Signature", CassoFeed.SignatureHeaderOf("another-casso-key-00001", Now.ToUnixTimeMilliseconds(), casso))),
            await PostAsync("casso", casso),
            await PostAsync("payos", PayOs("FT26338000222", order.Total.Dong, order.Code, key: "another-payos-key-00001")),
            await PostAsync("payos", "{\"data\":{}}"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.Equal(before, await TransferCountAsync());
        Assert.Null(await PaymentReferenceAsync(order.Id));
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static string Casso(long id, long amount, string description) => JsonSerializer.Serialize(new
    {
        error = 0,
        data = new
        {
            id, reference = $"MBVCB.{id}", description, amount, runningBalance = 25_000_000, transactionDateTime = "2026-12-04 09:15:00",
            accountNumber = "1023456789", bankName = "Vietcombank", bankAbbreviation = "VCB", virtualAccountNumber = "", virtualAccountName = "",
            counterAccountName = "NGUYEN THI LAN", counterAccountNumber = "0123456", counterAccountBankId = "970415", counterAccountBankName = "VietinBank",
        },
    });

    private static string PayOs(string reference, long amount, string description, string key = PayOsKey)
    {
        var data = JsonSerializer.SerializeToElement(new
        {
            orderCode = 123, amount, description, accountNumber = "1023456789", reference, transactionDateTime = "2026-12-04 09:15:00",
            currency = "VND", paymentLinkId = "124c33293c43417ab7879e14c8d9eb18", code = "00", desc = "Thành công",
            counterAccountBankId = "", counterAccountBankName = "", counterAccountName = (string?)null, counterAccountNumber = (string?)null,
            virtualAccountName = "", virtualAccountNumber = "",
        });
        return JsonSerializer.Serialize(new { code = "00", desc = "success", success = true, data, signature = PayOsFeed.SignatureOf(key, data) });
    }

    private Task<HttpResponseMessage> PostAsync(string provider, string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{provider}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return _client.SendAsync(request);
    }

    private async Task<Order> PlaceTransferOrderAsync()
    {
        await PrepaidCheckout.AddToCartAsync(_client, _productId);
        await PrepaidCheckout.CheckoutAsync(_client, "transfer");
        await using var db = NewContext();
        return await db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync();
    }

    private async Task<string?> PaymentReferenceAsync(Guid orderId)
    {
        await using var db = NewContext();
        return await db.Orders.Where(o => o.Id == orderId && o.PaidAt != null).Select(o => o.PaymentReference).SingleOrDefaultAsync();
    }

    private async Task<int> TransfersOfAsync(Guid orderId)
    {
        await using var db = NewContext();
        return await db.BankTransfers.CountAsync(t => t.OrderId == orderId && t.Outcome == TransferOutcome.Matched);
    }

    private async Task<int> TransferCountAsync()
    {
        await using var db = NewContext();
        return await db.BankTransfers.CountAsync();
    }

    private RuralMarketDbContext NewContext() => _world.App.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext();
}
