using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Tests.Journey;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Partner;

/// <summary>
/// The postal partner's whole side, from pages alone: a buyer orders on the storefront, the cooperative packs and
/// books the parcel, the seeded village post office picks it up, fails once, delivers, collects and remits the cash,
/// and the admin's reconciliation shows it settled. Then what a remittance with mistakes looks like.
/// </summary>
public sealed partial class DeliveryJourneyTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string PartnerHome => $"/partner/{_world.P.Slug}";

    [Fact]
    public async Task An_order_from_the_storefront_is_picked_up_delivered_after_one_failed_attempt_remitted_and_settled()
    {
        // The buyer, without an account.
        var buyer = _world.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await buyer.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", _world.A.ProductId.ToString()), ("quantity", "2"));
        var placed = await buyer.PostFormAsync("/checkout", "/checkout", ("Form.Name", "Nguyễn Thị Lan"), ("Form.Phone", "0912 345 678"), ("Form.Email", ""),
            ("Form.ProvinceCode", "HN"), ("Form.Commune", "Phường Ba Đình"), ("Form.Street", "12 Phan Đình Phùng"), ("Form.Note", ""));
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var order = await _world.QueryAsync(db => db.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).FirstAsync(o => o.CooperativeId == _world.A.Id));

        // The cooperative confirms, packs and books the parcel with the village post office.
        var manager = await _world.ClientAsync("managerA");
        var orderPage = $"/portal/{_world.A.Slug}/orders/{order.Code}";
        await manager.PostFormAsync(orderPage, orderPage + "?handler=Confirm");
        await manager.PostFormAsync(orderPage, orderPage + "?handler=Pack");
        var booked = await manager.PostFormAsync(orderPage, orderPage + "?handler=Book", ("Parcel.PartnerId", _world.P.Id.ToString()),
            ("Parcel.WeightGrams", "1200"), ("Parcel.LengthCm", "30"), ("Parcel.WidthCm", "20"), ("Parcel.HeightCm", "15"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var waybill = await _world.QueryAsync(db => db.Shipments.Where(s => s.OrderId == order.Id).Select(s => s.Waybill).SingleAsync());
        Assert.Contains(waybill, await manager.PageAsync(orderPage), StringComparison.Ordinal);

        // The clerk: pickup by scan, a failed attempt, then the delivery with the cash.
        var clerk = await _world.ClientAsync("partnerP");
        Assert.Contains(waybill, await clerk.PageAsync(PartnerHome), StringComparison.Ordinal);
        await clerk.PostFormAsync(PartnerHome, PartnerHome + "?handler=Scan", ("Waybill", waybill));
        var parcel = $"{PartnerHome}/parcels/{waybill}";
        await Step(clerk, parcel, ("Step.Status", "OutForDelivery"));
        await Step(clerk, parcel, ("Step.Status", "DeliveryFailed"), ("Step.Reason", "BuyerUnreachable"), ("Step.Note", "Hẹn giao lại sáng mai"));
        await Step(clerk, parcel, ("Step.Status", "OutForDelivery"));
        await Step(clerk, parcel, ("Step.Status", "Delivered"), ("Step.CashCollected", order.Total.Dong.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var delivered = await _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        var ledger = await Journey.LedgerWait.SaleOfAsync(_world.App.Services, order.Id); // the cash the post office collected, owed to us
        Assert.Equal(0, ledger.Sum(l => l.Signed));
        Assert.Equal(order.Total, Assert.Single(ledger, l => l.Account == "cod:partner").Amount);

        // The remittance, from the prefilled form.
        var remittances = $"{PartnerHome}/remittances";
        var form = await clerk.PageAsync(remittances);
        var prefilled = TextArea().Match(form).Groups["lines"].Value;
        Assert.Contains($"{waybill};{order.Total.Dong}", prefilled, StringComparison.Ordinal);
        var remitted = await clerk.PostFormAsync(remittances, remittances + "?handler=Record", ("Reference", "NT-2026-12-02-01"), ("RemittedOn", "2026-12-02"),
            ("Lines", $"{waybill};{order.Total.Dong};0"));
        Assert.Equal(HttpStatusCode.Redirect, remitted.StatusCode);

        // The admin sees it settled.
        var admin = await _world.ClientAsync("admin");
        var reconciliation = await admin.PageAsync("/admin/reconciliation");
        Assert.Contains("Bưu điện văn hóa xã Vi Hương", reconciliation, StringComparison.Ordinal);
        Assert.Contains("1 đã khớp · 0 chờ nộp · 0 lệch", reconciliation, StringComparison.Ordinal);
        Assert.Contains("Không có chênh lệch nào.", reconciliation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remittance_with_one_short_and_one_duplicated_waybill_shows_both_mismatches_and_sending_it_again_records_nothing()
    {
        var first = await _world.BookParcelAsync(_world.P);
        var second = await _world.BookParcelAsync(_world.P);
        var cod = new Dictionary<string, long>();
        foreach (var (waybill, shipmentId, _) in new[] { first, second })
        {
            var shipment = _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Logistics.IShipmentGrain>(shipmentId);
            await shipment.ReportAsync(new ShipmentReport($"{waybill}/delivered", ShipmentStatus.Delivered, "", DateTimeOffset.UtcNow, ReportSource.PartnerApi));
            cod[waybill] = (await _world.QueryAsync(db => db.Shipments.Where(s => s.Id == shipmentId).Select(s => s.CashOnDelivery).SingleAsync())).Dong;
        }
        var clerk = await _world.ClientAsync("partnerP");
        var page = $"{PartnerHome}/remittances";
        (string, string)[] fields = [("Reference", "NT-LECH-01"), ("RemittedOn", "2026-12-02"),
            ("Lines", $"{first.Waybill};{cod[first.Waybill] - 10_000};0\n{second.Waybill};{cod[second.Waybill]};0\n{second.Waybill};{cod[second.Waybill]};0")];

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(page, page + "?handler=Record", fields)).StatusCode);
        var again = await clerk.PostFormAsync(page, page + "?handler=Record", fields);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("đã được ghi trước đó", await clerk.PageAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, await _world.QueryAsync(db => db.Remittances.CountAsync(r => r.Reference == "NT-LECH-01")));
        var admin = await (await _world.ClientAsync("admin")).PageAsync("/admin/reconciliation");
        Assert.Matches($"{first.Waybill}[^\\n]*[\\s\\S]*?Nộp thiếu", admin);
        Assert.Matches($"{second.Waybill}[^\\n]*[\\s\\S]*?Nộp hai lần", admin);
        Assert.Contains("Chênh lệch cần xử lý (2)", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remittance_with_an_unreadable_line_records_nothing_and_names_the_line()
    {
        var clerk = await _world.ClientAsync("partnerP");
        var page = $"{PartnerHome}/remittances";

        var response = await clerk.PostFormAsync(page, page + "?handler=Record", ("Reference", "NT-SAI-01"), ("RemittedOn", "2026-12-02"),
            ("Lines", $"{_world.P.Waybill};250000;0\nRM000;hai trăm;0\n;100000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains("Dòng 2:", body, StringComparison.Ordinal);
        Assert.Contains("Dòng 3:", body, StringComparison.Ordinal);
        Assert.Equal(0, await _world.QueryAsync(db => db.Remittances.CountAsync(r => r.Reference == "NT-SAI-01")));
    }

    private static async Task Step(HttpClient clerk, string page, params (string, string)[] fields)
    {
        var seen = SeenField().Match(await clerk.PageAsync(page)).Groups["seen"].Value;
        var response = await clerk.PostFormAsync(page, page + "?handler=Step", [.. fields, ("Step.Seen", seen)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{string.Join(", ", fields)}: {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"Step.Seen\" value=\"(?<seen>\\d+)\"")]
    private static partial Regex SeenField();

    [GeneratedRegex("<textarea id=\"Lines\"[^>]*>(?<lines>[^<]*)</textarea>")]
    private static partial Regex TextArea();
}
