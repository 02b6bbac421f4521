using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Payments;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// The money reaching the households, from pages: the manager gives the cooperative's bank account, a cash-on-delivery
/// parcel is delivered and its cash remitted by the post office, the admin draws the run, downloads the bank file and
/// records the transfer; the manager sees the statement, and a household's earnings show what it earned and was paid.
/// </summary>
public sealed class PayoutJourneyTests : IAsyncLifetime
{
    private PortalWorld _world = null!;

    public async Task InitializeAsync() => _world = await PortalWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Portal => $"/portal/{_world.A.Slug}";

    [Fact]
    public async Task Remitted_cash_is_drawn_into_a_run_paid_by_bank_file_and_shows_in_each_households_earnings()
    {
        var manager = await _world.ClientAsync("managerA");
        var profile = WebForm.Fields(await manager.PageAsync($"{Portal}/profile"));
        profile["Form.ContactPhone"] = "0209 3876 543";
        profile["Form.BankBin"] = "970405";
        profile["Form.AccountNumber"] = "8888 0000 1234";
        profile["Form.HolderName"] = "HTX Nông nghiệp Vi Hương";
        var saved = await manager.PostFormAsync($"{Portal}/profile", $"{Portal}/profile", [.. profile.Select(f => (f.Key, f.Value))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (waybill, shipmentId, code) = await _world.BookParcelAsync(_world.P);
        var order = await _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Code == code));
        await _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Logistics.IShipmentGrain>(shipmentId)
            .ReportAsync(new ShipmentReport($"{waybill}/delivered", ShipmentStatus.Delivered, "", DateTimeOffset.UtcNow, ReportSource.PartnerApi));
        await LedgerWait.SaleOfAsync(_world.App.Services, order.Id);
        var admin = await _world.ClientAsync("admin");
        Assert.DoesNotContain("HTX Nông nghiệp Vi Hương</strong>", await admin.PageAsync("/admin/payouts"), StringComparison.Ordinal); // not remitted yet

        var clerk = await _world.ClientAsync("partnerP");
        var remittances = $"/partner/{_world.P.Slug}/remittances";
        var remitted = await clerk.PostFormAsync(remittances, remittances + "?handler=Record", ("Reference", "NT-CHI-TRA-01"), ("RemittedOn", "2026-12-03"),
            ("Lines", $"{waybill};{order.Total.Dong};{order.ShippingFee.Dong}"));
        Assert.Equal(HttpStatusCode.Redirect, remitted.StatusCode);
        await PostingAsync(p => p.EndsWith($"/{waybill}", StringComparison.Ordinal));
        var goods = order.Total - order.ShippingFee;

        var waiting = await admin.PageAsync("/admin/payouts");
        Assert.Contains($"<strong>HTX Nông nghiệp Vi Hương</strong>: {goods}", waiting, StringComparison.Ordinal);
        var drawn = await admin.PostFormAsync("/admin/payouts", "/admin/payouts?handler=Draw", ("cooperativeId", _world.A.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var again = await admin.PostFormAsync("/admin/payouts", "/admin/payouts?handler=Draw", ("cooperativeId", _world.A.Id.ToString()));
        Assert.Equal("/admin/payouts?done=drawn_before", again.Headers.Location?.OriginalString);
        var run = await _world.QueryAsync(db => db.PayoutRuns.AsNoTracking().SingleAsync(r => r.CooperativeId == _world.A.Id));
        Assert.Equal(goods, run.Total);

        var file = await admin.GetAsync("/admin/payouts?handler=BankFile");
        Assert.Equal("text/csv", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("STT,Số tài khoản,Tên người thụ hưởng,Mã ngân hàng (BIN),Ngân hàng,Số tiền,Nội dung", rows[0]);
        Assert.Equal($"1,888800001234,HTX NÔNG NGHIỆP VI HƯƠNG,970405,Agribank,{goods.Dong},RuralMarket chi tra {run.Code}", Assert.Single(rows[1..]));

        var refused = await admin.PostFormAsync("/admin/payouts", "/admin/payouts?handler=Paid", ("runId", run.Id.ToString()), ("bankReference", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var paid = await admin.PostFormAsync("/admin/payouts", "/admin/payouts?handler=Paid", ("runId", run.Id.ToString()), ("bankReference", "FT26337123456"));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var other = await admin.PostFormAsync("/admin/payouts", "/admin/payouts?handler=Paid", ("runId", run.Id.ToString()), ("bankReference", "FT26337999999"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("mã giao dịch khác", await other.BodyAsync(), StringComparison.Ordinal);
        var payout = await PostingAsync(p => p == Posting.PayoutOf(run.Id));
        Assert.Equal(0, payout.Sum(l => l.Signed));
        Assert.Equal(goods, Assert.Single(payout, l => l.Account == LedgerEntry.Bank).Amount);

        // Everything the platform owed for this order is paid: the ledger's cooperative and household accounts net to zero.
        var lines = await _world.QueryAsync(db => db.LedgerLines.AsNoTracking().ToListAsync());
        var households = await _world.QueryAsync(db => db.Cooperatives.AsNoTracking().Where(c => c.Id == _world.A.Id).SelectMany(c => c.Households.Select(h => h.Id)).ToListAsync());
        Assert.All(lines.Where(l => LedgerEntry.IsOwedTo(l.Account, _world.A.Id, households.ToHashSet())).GroupBy(l => l.Account), a => Assert.Equal(0, a.Sum(l => l.Signed)));
        Assert.Equal(0, lines.Where(l => l.Account == "cod:partner").Sum(l => l.Signed));

        var money = await manager.PageAsync($"{Portal}/money");
        Assert.Contains(run.Code, money, StringComparison.Ordinal);
        Assert.Contains("FT26337123456", money, StringComparison.Ordinal);
        var statement = await manager.PageAsync($"{Portal}/money/{run.Id}");
        Assert.Contains(code, statement, StringComparison.Ordinal);

        var share = payout.Single(l => l.Account == LedgerEntry.Household(_world.A.HouseholdId)).Amount;
        var helper = await _world.ClientAsync("helperA");
        var earnings = await helper.PageAsync($"{Portal}/households/{_world.A.HouseholdId}/earnings");
        Assert.Contains($"Miến dong", earnings, StringComparison.Ordinal);
        Assert.Contains($"Đã chi trả (qua HTX)</dt><dd>{share}", earnings, StringComparison.Ordinal);
        Assert.DoesNotContain("888800001234", earnings, StringComparison.Ordinal);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM");
        var printed = await helper.PageAsync($"{Portal}/households/{_world.A.HouseholdId}/earnings?handler=Statement&month={month}");
        Assert.Contains("Bảng kê thu nhập tháng", printed, StringComparison.Ordinal);
        Assert.Contains($"<strong>{share}</strong>", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helpers_see_no_money_pages_another_cooperatives_manager_sees_no_household_and_a_bad_month_is_refused()
    {
        var helper = await _world.ClientAsync("helperA");
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"{Portal}/money")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"{Portal}/money/{Guid.NewGuid()}")).StatusCode);

        var managerB = await _world.ClientAsync("managerB");
        var inB = $"/portal/{_world.B.Slug}/households/{_world.A.HouseholdId}/earnings";
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.GetAsync(inB)).StatusCode);
        var manager = await _world.ClientAsync("managerA");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Portal}/money/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await manager.GetAsync($"{Portal}/households/{_world.A.HouseholdId}/earnings?handler=Statement&month=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await (await _world.ClientAsync("admin")).PostFormAsync("/admin/payouts", "/admin/payouts?handler=Paid", ("runId", Guid.NewGuid().ToString()), ("bankReference", "FT1"))).StatusCode);
    }

    private Task<IReadOnlyList<LedgerLine>> PostingAsync(Func<string, bool> named) => LedgerWait.PostingAsync(_world.App.Services, named);
}
