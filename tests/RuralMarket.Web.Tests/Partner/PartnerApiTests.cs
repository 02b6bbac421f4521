using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Partner;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Partner;

/// <summary>The partner API as a post office's own system uses it, with its key.</summary>
public sealed class PartnerApiTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<string> KeyAsync(PortalPartnerData partner)
    {
        await using var scope = _world.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartnerApiKeys>().IssueAsync(partner.Id, "test", CancellationToken.None);
    }

    private HttpClient Client(string? key)
    {
        var client = _world.App.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    private static object Event(string id, string waybill, string status, int minute, string? reason = null, long? cash = null) =>
        new { eventId = id, waybill, status, occurredAt = DateTimeOffset.UtcNow.AddMinutes(minute), reason, cashCollected = cash };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Without_a_valid_key_every_call_is_a_401_problem_in_Vietnamese_and_a_revoked_key_stops_working()
    {
        var key = await KeyAsync(_world.P);
        foreach (var client in new[] { Client(null), Client("rmk_wrong"), Client("not-even-a-key"), await _world.ClientAsync("partnerP") })
        {
            var response = await client.GetAsync("/api/v1/partner/parcels");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.Equal("partner.key_required", problem.GetProperty("code").GetString());
            Assert.StartsWith("Cần khóa API", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await Client(key).GetAsync("/api/v1/partner/parcels")).StatusCode);
        await using (var scope = _world.App.Services.CreateAsyncScope())
        {
            var id = await _world.QueryAsync(db => db.PartnerApiKeys.Where(k => k.PartnerId == _world.P.Id).Select(k => k.Id).SingleAsync());
            await scope.ServiceProvider.GetRequiredService<PartnerApiKeys>().RevokeAsync(id, CancellationToken.None);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(key).GetAsync("/api/v1/partner/parcels")).StatusCode);
        Assert.False(await _world.QueryAsync(db => db.PartnerApiKeys.AnyAsync(k => k.Hash == key)));
    }

    [Fact]
    public async Task A_partner_lists_only_its_own_parcels_and_cannot_report_a_step_of_another_partners()
    {
        var client = Client(await KeyAsync(_world.P));

        var list = await JsonAsync(await client.GetAsync("/api/v1/partner/parcels?status=Booked"));
        var waybills = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("waybill").GetString()).ToList();
        Assert.Contains(_world.P.Waybill, waybills);
        Assert.DoesNotContain(_world.Q.Waybill, waybills);

        var answer = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/events", new { events = new[] { Event("x-1", _world.Q.Waybill, "PickedUp", 1) } }));
        var result = Assert.Single(answer.GetProperty("results").EnumerateArray());
        Assert.Equal(("refused", "shipment.not_found"), (result.GetProperty("outcome").GetString(), result.GetProperty("code").GetString()));
        Assert.Equal(ShipmentStatus.Booked, await _world.QueryAsync(db => db.Shipments.Where(s => s.Id == _world.Q.ShipmentId).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_batch_sent_twice_records_each_event_once_and_the_journey_ends_settled()
    {
        var client = Client(await KeyAsync(_world.P));
        var waybill = _world.P.Waybill;
        var cod = await _world.QueryAsync(db => db.Shipments.Where(s => s.Id == _world.P.ShipmentId).Select(s => s.CashOnDelivery).SingleAsync());
        var batch = new
        {
            events = new[]
            {
                Event("bc-1", waybill, "PickedUp", 1), Event("bc-2", waybill, "OutForDelivery", 60),
                Event("bc-3", waybill, "DeliveryFailed", 90, reason: "Refused"), Event("bc-4", waybill, "OutForDelivery", 1500),
                Event("bc-5", waybill, "delivered", 1530, cash: cod.Dong),
            },
        };

        var first = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/events", batch));
        var again = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/events", batch));

        Assert.All(first.GetProperty("results").EnumerateArray(), r => Assert.Equal("applied", r.GetProperty("outcome").GetString()));
        Assert.All(again.GetProperty("results").EnumerateArray(), r => Assert.Equal("duplicate", r.GetProperty("outcome").GetString()));
        var shipment = await _world.QueryAsync(db => db.Shipments.AsNoTracking().SingleAsync(s => s.Id == _world.P.ShipmentId));
        Assert.Equal(6, shipment.Events.Count); // booked + five
        Assert.Equal((ShipmentStatus.Delivered, 1), (shipment.Status, shipment.FailedAttempts));
        Assert.Equal(OrderStatus.Delivered, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == _world.P.OrderCode).Select(o => o.Status).SingleAsync()));

        var remittance = new { reference = "API-2026-12-02", remittedOn = "2026-12-02", lines = new[] { new { waybill, amount = cod.Dong - 3_000, fee = 3_000 } } };
        var recorded = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/remittances", remittance));
        var resent = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/remittances", remittance));
        Assert.False(recorded.GetProperty("alreadyRecorded").GetBoolean());
        Assert.True(resent.GetProperty("alreadyRecorded").GetBoolean());

        var admin = await (await _world.ClientAsync("admin")).PageAsync("/admin/reconciliation");
        Assert.Contains("1 đã khớp · 0 chờ nộp · 0 lệch", admin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"events\": []}")]
    [InlineData("{\"events\": \"nope\"}")]
    [InlineData("not json")]
    public async Task A_malformed_batch_is_a_400_problem_and_changes_nothing(string body)
    {
        var client = Client(await KeyAsync(_world.P));

        var response = await client.PostAsync("/api/v1/partner/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(await _world.QueryAsync(db => db.Shipments.AsNoTracking().Where(s => s.Id == _world.P.ShipmentId).SelectMany(s => s.Events).ToListAsync()));
    }

    [Fact]
    public async Task Events_with_a_numeric_status_an_unknown_reason_or_no_id_are_refused_one_by_one()
    {
        var client = Client(await KeyAsync(_world.P));
        var waybill = _world.P.Waybill;

        var answer = await JsonAsync(await client.PostAsJsonAsync("/api/v1/partner/events", new
        {
            events = new[] { Event("n-1", waybill, "3", 1), Event("n-2", waybill, "DeliveryFailed", 2, reason: "7"), Event("", waybill, "PickedUp", 3) },
        }));

        Assert.Equal(["shipment.status_unknown", "shipment.failure_reason", "partner.event_id"],
            answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_admin_issues_a_key_that_is_shown_once_and_kept_only_as_its_hash()
    {
        var admin = await _world.ClientAsync("admin");

        var page = await (await admin.PostFormAsync("/admin/partners", "/admin/partners?handler=IssueKey", ("partnerId", _world.Q.Id.ToString()), ("label", "Hệ thống bưu cục Q"))).BodyAsync();

        var key = System.Text.RegularExpressions.Regex.Match(page, "<code class=\"secret\">(?<key>rmk_[A-Za-z0-9]+)</code>").Groups["key"].Value;
        Assert.StartsWith("rmk_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await admin.PageAsync("/admin/partners"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client(key).GetAsync("/api/v1/partner/parcels")).StatusCode);
        Assert.True(await _world.QueryAsync(db => db.PartnerApiKeys.AnyAsync(k => k.Hash == PartnerApiKeys.Hash(key))));
    }
}
