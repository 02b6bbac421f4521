using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Partner;

/// <summary>The partner portal as a post office clerk uses it, and what it keeps from other partners.</summary>
public sealed class PartnerPortalTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Home(PortalPartnerData partner) => $"/partner/{partner.Slug}";

    private string ParcelPage(PortalPartnerData partner) => $"{Home(partner)}/parcels/{partner.Waybill}";

    private Task<Shipment> ShipmentAsync(PortalPartnerData partner) =>
        _world.QueryAsync(db => db.Shipments.AsNoTracking().SingleAsync(s => s.Id == partner.ShipmentId));

    private Task<Order> OrderAsync(string code) => _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Code == code));

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string page, string status, params (string, string)[] more) =>
        client.PostFormAsync(page, page + "?handler=Step", [("Step.Status", status), ("Step.Seen", "1"), .. more]);

    [Fact]
    public async Task A_clerk_sees_todays_pickup_grouped_by_cooperative_and_picks_it_up_by_scanning_its_waybill()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var home = await clerk.PageAsync(Home(_world.P));
        Assert.Contains("HTX Nông nghiệp Vi Hương", home, StringComparison.Ordinal);
        Assert.Contains(_world.P.Waybill, home, StringComparison.Ordinal);
        Assert.DoesNotContain(_world.Q.Waybill, home, StringComparison.Ordinal);

        var scanned = await clerk.PostFormAsync(Home(_world.P), Home(_world.P) + "?handler=Scan", ("Waybill", " " + _world.P.Waybill.ToLowerInvariant() + " "));

        Assert.Equal(HttpStatusCode.Redirect, scanned.StatusCode);
        Assert.Equal(ShipmentStatus.PickedUp, (await ShipmentAsync(_world.P)).Status);
        Assert.Equal(OrderStatus.HandedToCarrier, (await OrderAsync(_world.P.OrderCode)).Status);
        Assert.Contains(_world.P.Waybill, await clerk.PageAsync(Home(_world.P)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_delivers_after_one_failed_attempt_and_the_buyer_and_cooperative_see_each_step()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var page = ParcelPage(_world.P);
        foreach (var step in new[] { "PickedUp", "OutForDelivery" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(clerk, page, step)).StatusCode);
        }
        var failed = await clerk.PostFormAsync(page, page + "?handler=Step", ("Step.Status", "DeliveryFailed"), ("Step.Seen", "3"),
            ("Step.Reason", "BuyerUnreachable"), ("Step.Note", "Gọi 3 lần không nghe máy"));
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        await clerk.PostFormAsync(page, page + "?handler=Step", ("Step.Status", "OutForDelivery"), ("Step.Seen", "4"));
        var shipment = await ShipmentAsync(_world.P);
        var delivered = await clerk.PostFormAsync(page, page + "?handler=Step", ("Step.Status", "Delivered"), ("Step.Seen", "5"),
            ("Step.CashCollected", shipment.CashOnDelivery.Dong.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, delivered.StatusCode);

        shipment = await ShipmentAsync(_world.P);
        Assert.Equal((ShipmentStatus.Delivered, 1, shipment.CashOnDelivery), (shipment.Status, shipment.FailedAttempts, shipment.CashCollected));
        var order = await OrderAsync(_world.P.OrderCode);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        var buyer = _world.App.CreateClient();
        var tracking = await buyer.PageAsync($"/orders/{order.TrackingToken}");
        Assert.Contains("Không liên lạc được người nhận", tracking, StringComparison.Ordinal);
        Assert.Contains(_world.P.Waybill, tracking, StringComparison.Ordinal);
        var manager = await _world.ClientAsync("managerA");
        Assert.Contains("Đã giao hàng", await manager.PageAsync($"/portal/{_world.A.Slug}/orders/{order.Code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_step_form_sent_twice_is_recorded_once()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var page = ParcelPage(_world.P);

        await StepAsync(clerk, page, "PickedUp");
        await StepAsync(clerk, page, "PickedUp");

        Assert.Single((await ShipmentAsync(_world.P)).Events, e => e.Status == ShipmentStatus.PickedUp);
    }

    [Fact]
    public async Task A_clerk_cannot_read_or_change_another_partners_parcel_by_url_or_form()
    {
        var clerkQ = await _world.ClientAsync("partnerQ");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerkQ.GetAsync(ParcelPage(_world.P))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerkQ.GetAsync($"{Home(_world.Q)}/parcels/{_world.P.Waybill}")).StatusCode);
        var byForm = await clerkQ.PostFormAsync(Home(_world.Q), $"{Home(_world.Q)}/parcels/{_world.P.Waybill}?handler=Step", ("Step.Status", "PickedUp"), ("Step.Seen", "1"));
        var byScan = await clerkQ.PostFormAsync(Home(_world.Q), Home(_world.Q) + "?handler=Scan", ("Waybill", _world.P.Waybill));
        var byId = await clerkQ.PostFormAsync(Home(_world.Q), Home(_world.Q) + "?handler=PickUp", ("shipmentId", _world.P.ShipmentId.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, byForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byScan.StatusCode);
        Assert.Contains("Không có bưu gửi nào của đơn vị bạn", await byScan.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync(_world.P)).Status);
    }

    [Fact]
    public async Task A_step_the_parcel_cannot_take_or_a_made_up_status_is_refused_with_a_message_and_changes_nothing()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var page = ParcelPage(_world.P);

        var returned = await StepAsync(clerk, page, "Returned");
        var madeUp = await StepAsync(clerk, page, "Teleported");
        var booked = await StepAsync(clerk, page, "Booked");
        var noReason = await StepAsync(clerk, page, "DeliveryFailed");

        foreach (var response in new[] { returned, madeUp, booked, noReason })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Contains("không thể chuyển sang bước này", await returned.BodyAsync(), StringComparison.Ordinal);
        Assert.Contains("Hãy chọn lý do", await noReason.BodyAsync(), StringComparison.Ordinal);
        Assert.Single((await ShipmentAsync(_world.P)).Events);
    }

    [Fact]
    public async Task An_admin_or_a_cooperative_manager_is_not_a_partner()
    {
        foreach (var actor in new[] { "admin", "managerA" })
        {
            var client = await _world.ClientAsync(actor);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Home(_world.P))).StatusCode);
        }
    }

    [Fact]
    public async Task The_clerk_and_the_cooperative_print_the_parcels_label_and_the_clerk_the_pickup_sheet_but_no_other_partner_can()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var manager = await _world.ClientAsync("managerA");
        var clerkQ = await _world.ClientAsync("partnerQ");

        foreach (var response in new[]
        {
            await clerk.GetAsync(ParcelPage(_world.P) + "?handler=Label"),
            await manager.GetAsync($"/portal/{_world.A.Slug}/orders/{_world.P.OrderCode}?handler=Label"),
            await clerk.GetAsync(Home(_world.P) + "?handler=PickupSheet"),
        })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains(_world.P.Waybill, string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await clerkQ.GetAsync($"{Home(_world.Q)}/parcels/{_world.P.Waybill}?handler=Label")).StatusCode);
        var sheetQ = await clerkQ.GetAsync(Home(_world.Q) + "?handler=PickupSheet");
        using var sheet = UglyToad.PdfPig.PdfDocument.Open(await sheetQ.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(_world.P.Waybill, string.Join(" ", sheet.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
    }
}
