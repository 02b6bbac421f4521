using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Logistics;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Testing.Carriers;
using RuralMarket.Web.Partner;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Partner;

/// <summary>
/// Parcels booked with GHN and Viettel Post (each carrier a loopback fake), whose steps come back through the
/// carriers' webhooks at <c>/webhooks/{carrier}/{partner}</c>.
/// </summary>
public sealed class CarrierWebhookTests : IAsyncLifetime
{
    private readonly FakeGhn _ghn = new();
    private readonly FakeViettelPost _viettel = new();
    private PortalWorld _world = null!;
    private (PortalPartnerData Partner, string Secret) _g;
    private (PortalPartnerData Partner, string Secret) _v;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync(_ghn.Settings.Concat(_viettel.Settings).ToDictionary());
        _g = await CarrierPartnerAsync("ghn", "ghn-bac-kan", () => _ghn.WillBook("gyf7xk4p", 32_000));
        _v = await CarrierPartnerAsync("viettelpost", "viettel-post-bac-kan", () => _viettel.WillBook("1850123456789", 38_500));
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _ghn.Dispose();
        _viettel.Dispose();
    }

    /// <summary>A partner of the carrier with a webhook secret, and a parcel of cooperative A's booked with it through the carrier's fake.</summary>
    private async Task<(PortalPartnerData, string)> CarrierPartnerAsync(string carrier, string slug, Action willBook)
    {
        var partner = new PostalPartner(Guid.NewGuid(), $"Đối tác {slug}", slug, carrier, DateTimeOffset.UtcNow);
        string secret;
        await using (var scope = _world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.RuralMarketDbContext>();
            db.PostalPartners.Add(partner);
            await db.SaveChangesAsync();
            secret = (await scope.ServiceProvider.GetRequiredService<PartnerApiKeys>().NewWebhookSecretAsync(partner.Id, CancellationToken.None))!;
        }
        willBook();
        var (waybill, shipmentId, orderCode) = await _world.BookParcelAsync(new PortalPartnerData(partner.Id, slug, string.Empty, Guid.Empty, string.Empty));
        return (new PortalPartnerData(partner.Id, slug, waybill, shipmentId, orderCode), secret);
    }

    private static readonly DateTimeOffset Start = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

    private static string Ghn(string waybill, string status, int minute, string reason = "", long cod = 0) =>
        JsonSerializer.Serialize(new
        {
            CODAmount = cod, OrderCode = waybill.ToLowerInvariant(), Status = status, Time = Start.AddMinutes(minute).ToString("O"), Type = "switch_status",
            Reason = reason, ShopID = 885, Warehouse = "Bưu cục Chợ Mới",
        });

    private static string Viettel(string waybill, int status, int minute, string token, string note = "", long cod = 0) =>
        JsonSerializer.Serialize(new
        {
            DATA = new
            {
                ORDER_NUMBER = waybill, ORDER_STATUS = status, ORDER_STATUSDATE = Start.AddMinutes(minute).ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss"),
                NOTE = note, MONEY_COLLECTION = cod, STATUS_NAME = "", ORDER_SERVICE = "VCN",
            },
            TOKEN = token,
        });

    private Task<HttpResponseMessage> PostAsync(string path, string body, string? header = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.Add("X-Webhook-Secret", header);
        }
        return _world.App.CreateClient().SendAsync(request);
    }

    private Task<Shipment> ShipmentAsync(Guid id) => _world.QueryAsync(db => db.Shipments.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<List<CarrierWebhookCall>> CallsAsync(Guid partnerId) =>
        _world.QueryAsync(db => db.CarrierWebhooks.AsNoTracking().Where(c => c.PartnerId == partnerId).OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task A_GHN_webhook_sent_five_times_and_out_of_order_records_each_event_once_and_the_parcel_ends_delivered_and_settled()
    {
        var (partner, secret) = _g;
        var cod = (await ShipmentAsync(partner.ShipmentId)).CashOnDelivery.Dong;
        string[] events =
        [
            Ghn(partner.Waybill, "picked", 10), Ghn(partner.Waybill, "delivering", 120), Ghn(partner.Waybill, "delivery_fail", 150, "Khách hẹn giao lại"),
            Ghn(partner.Waybill, "delivering", 1500), Ghn(partner.Waybill, "delivered", 1530, cod: cod),
        ];
        // Five copies of each, shuffled (the same way every run) so that older steps also arrive after newer ones; some at once.
        var shuffle = new Random(20261203);
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, 5)).OrderBy(_ => shuffle.Next()).ToList();
        deliveries.Insert(0, events[0]);
        foreach (var batch in deliveries.Chunk(3))
        {
            var answers = await Task.WhenAll(batch.Select(body => PostAsync($"/webhooks/ghn/{partner.Slug}/{secret}", body)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        var shipment = await ShipmentAsync(partner.ShipmentId);
        Assert.Equal(1 + events.Length, shipment.Events.Count);
        Assert.Equal(events.Length, shipment.Events.Select(e => e.EventKey).Where(k => k.StartsWith("ghn/", StringComparison.Ordinal)).Distinct().Count());
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Equal(cod, shipment.CashCollected?.Dong);
        Assert.Equal(OrderStatus.Delivered, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == partner.OrderCode).Select(o => o.Status).SingleAsync()));
        var calls = await CallsAsync(partner.Id);
        Assert.Equal(deliveries.Count, calls.Count);
        Assert.Equal(events.Length, calls.Count(c => c.Outcome is WebhookOutcome.Applied or WebhookOutcome.OutOfOrder));
        Assert.All(calls, c => Assert.Contains(partner.Waybill.ToLowerInvariant(), c.Body, StringComparison.Ordinal));

        var client = _world.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeyAsync(partner.Id));
        var remitted = await client.PostAsJsonAsync("/api/v1/partner/remittances",
            new { reference = "GHN-2026-12-04", remittedOn = "2026-12-04", lines = new[] { new { waybill = partner.Waybill, amount = cod - 5_000, fee = 5_000 } } });
        Assert.Equal(HttpStatusCode.OK, remitted.StatusCode);
        var reconciliation = await (await _world.ClientAsync("admin")).PageAsync("/admin/reconciliation");
        Assert.Contains("1 đã khớp · 0 chờ nộp · 0 lệch", reconciliation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Viettel_Post_parcel_authenticated_by_the_bodys_token_fails_once_then_is_delivered_and_an_unlisted_status_is_flagged_for_the_admin()
    {
        var (partner, secret) = _v;
        var cod = (await ShipmentAsync(partner.ShipmentId)).CashOnDelivery.Dong;
        foreach (var body in new[]
        {
            Viettel(partner.Waybill, 105, 10, secret), Viettel(partner.Waybill, 500, 100, secret),
            Viettel(partner.Waybill, 507, 130, secret, "Người nhận từ chối nhận hàng"), Viettel(partner.Waybill, 500, 1500, secret),
            Viettel(partner.Waybill, 501, 1530, secret, cod: cod), Viettel(partner.Waybill, 888, 1600, secret),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/webhooks/viettelpost/{partner.Slug}", body)).StatusCode);
        }

        var shipment = await ShipmentAsync(partner.ShipmentId);
        Assert.Equal((ShipmentStatus.Delivered, 1), (shipment.Status, shipment.FailedAttempts));
        Assert.Equal(DeliveryFailureReason.Refused, shipment.Events.Single(e => e.Status == ShipmentStatus.DeliveryFailed).Reason);
        Assert.Equal(ReportOutcome.Unrecognised, shipment.Events.Single(e => e.CarrierStatus == "888").Outcome);
        var admin = await (await _world.ClientAsync("admin")).PageAsync("/admin/webhooks");
        Assert.Contains("<code>888</code>", admin, StringComparison.Ordinal);
        Assert.Contains(partner.Waybill, admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_a_401_that_changes_and_keeps_nothing_and_an_unknown_partner_is_a_404()
    {
        var (g, gSecret) = _g;
        var (v, vSecret) = _v;
        var picked = Ghn(g.Waybill, "picked", 10);

        var answers = new[]
        {
            await PostAsync($"/webhooks/ghn/{g.Slug}", picked),
            await PostAsync($"/webhooks/ghn/{g.Slug}/wrong-secret", picked),
            await PostAsync($"/webhooks/ghn/{g.Slug}", picked, header: "wrong-secret"),
            await PostAsync($"/webhooks/ghn/{g.Slug}/{vSecret}", picked), // another partner's secret
            await PostAsync($"/webhooks/viettelpost/{v.Slug}", Viettel(v.Waybill, 105, 10, gSecret)),
            await PostAsync($"/webhooks/viettelpost/{v.Slug}", Viettel(v.Waybill, 105, 10, "")),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var problem = JsonDocument.Parse(await answers[0].Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("webhook.secret", problem.GetProperty("code").GetString());
        Assert.StartsWith("Thiếu hoặc sai mã bí mật", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync(g.ShipmentId)).Status);
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync(v.ShipmentId)).Status);
        Assert.Empty(await _world.QueryAsync(db => db.CarrierWebhooks.ToListAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync($"/webhooks/ghn/khong-co/{gSecret}", picked)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync($"/webhooks/viettelpost/{g.Slug}/{gSecret}", picked)).StatusCode); // g is GHN's
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/webhooks/ghn/{g.Slug}", picked, header: gSecret)).StatusCode);
        Assert.Equal(ShipmentStatus.PickedUp, (await ShipmentAsync(g.ShipmentId)).Status);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"OrderCode\":\"X\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task A_malformed_body_with_the_right_secret_is_a_400_kept_as_it_came_and_shown_to_the_admin(string body)
    {
        var (g, secret) = _g;

        var answer = await PostAsync($"/webhooks/ghn/{g.Slug}/{secret}", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("webhook.malformed", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        var call = Assert.Single(await CallsAsync(g.Id));
        Assert.Equal((WebhookOutcome.Malformed, body), (call.Outcome, call.Body));
        Assert.Single((await ShipmentAsync(g.ShipmentId)).Events);
        Assert.Contains("Không đọc được", await (await _world.ClientAsync("admin")).PageAsync("/admin/webhooks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waybill_we_do_not_have_or_another_partners_is_answered_200_and_kept_as_unknown()
    {
        var (g, secret) = _g;

        var unknown = await PostAsync($"/webhooks/ghn/{g.Slug}/{secret}", Ghn("ZZZ999", "picked", 10));
        var viettels = await PostAsync($"/webhooks/ghn/{g.Slug}/{secret}", Ghn(_v.Partner.Waybill, "picked", 10));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, viettels.StatusCode));
        Assert.Equal([WebhookOutcome.UnknownWaybill, WebhookOutcome.UnknownWaybill], (await CallsAsync(g.Id)).Select(c => c.Outcome));
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync(_v.Partner.ShipmentId)).Status);
        Assert.Contains("ZZZ999", await (await _world.ClientAsync("admin")).PageAsync("/admin/webhooks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_without_being_kept()
    {
        var (g, secret) = _g;
        var answer = await PostAsync($"/webhooks/ghn/{g.Slug}/{secret}", new string(' ', CarrierWebhookCall.MaxBodyLength + 10) + Ghn(g.Waybill, "picked", 10));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Empty(await CallsAsync(g.Id));
    }

    [Fact]
    public async Task A_GHN_step_whose_webhook_never_came_is_found_by_polling_and_the_late_webhook_is_then_a_duplicate()
    {
        var (g, secret) = _g;
        _ghn.WillLog(("ready_to_pick", Start), ("picked", Start.AddMinutes(10)), ("transporting", Start.AddMinutes(90)));
        var poll = _world.App.Services.GetRequiredService<Silo.Logistics.CarrierPoll>();

        Assert.Equal(2, await poll.PollAsync(CancellationToken.None)); // picked and transporting; ready_to_pick is the booking itself
        Assert.Equal(0, await poll.PollAsync(CancellationToken.None));

        var shipment = await ShipmentAsync(g.ShipmentId);
        Assert.Equal(ShipmentStatus.InTransit, shipment.Status);
        Assert.Equal(OrderStatus.InTransit, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == g.OrderCode).Select(o => o.Status).SingleAsync()));
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync(_v.Partner.ShipmentId)).Status); // Viettel Post is not polled
        var late = await PostAsync($"/webhooks/ghn/{g.Slug}/{secret}", Ghn(g.Waybill, "picked", 10));
        Assert.Equal("duplicate", JsonDocument.Parse(await late.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());
    }

    private async Task<string> KeyAsync(Guid partnerId)
    {
        await using var scope = _world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartnerApiKeys>().IssueAsync(partnerId, "test", CancellationToken.None);
    }
}
