using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data.Notices;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Testing.Notices;
using RuralMarket.Web.Tests.Portal;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>
/// Notices through the fake SMS gateway: the tracking link once per order however often its event is replayed, the
/// parcel's steps, an opt-out honoured and taken back, a gateway refusal parked and sent again by an admin, and staff
/// choosing whether they get the cooperative's messages.
/// </summary>
public sealed class NoticeJourneyTests : IAsyncLifetime
{
    private const string BuyerPhone = "0912345678"; // CatalogBuilder.Recipient's
    private readonly FakeSmsGateway _sms = new();
    private PortalWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await PortalWorld.CreateAsync(new Dictionary<string, string?>(_sms.Settings)
        {
            ["Notices:SiteUrl"] = "https://cho.example.vn/", ["Notices:PollInterval"] = "00:00:00.200",
        });

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _sms.Dispose();
    }

    [Fact]
    public async Task A_placed_order_texts_its_tracking_link_once_however_often_its_event_is_replayed()
    {
        var link = $"https://cho.example.vn/orders/{_world.A.TrackingToken}";
        var orderId = await _world.QueryAsync(db => db.Orders.Where(o => o.Code == _world.A.OrderCode).Select(o => o.Id).SingleAsync());
        await SentAsync(BuyerPhone, link);

        for (var replay = 0; replay < 5; replay++)
        {
            await ReplayAsync(DomainEventNames.OrderPlaced, orderId);
        }

        var message = Assert.Single(_sms.SentTo(BuyerPhone, link));
        Assert.Contains($"Da nhan don {_world.A.OrderCode}", message.Content, StringComparison.Ordinal); // unaccented: one SMS, not three
        Assert.Equal("0", message.IsUnicode);
        var notices = await NoticesAsync($"order.placed:{orderId}");
        Assert.Equal(2, notices.Count); // the phone, and the buyer's e-mail (no SMTP configured here, so only logged)
        Assert.Contains(notices, n => n is { Channel: "email", Recipient: "lan@example.vn", State: NoticeState.Sent, ProviderId: "log" });
        Assert.Contains(notices, n => n is { Channel: "sms", Recipient: BuyerPhone, State: NoticeState.Sent, Segments: 1 });

        // The manager hears of the cash-on-delivery order; by night it waits for 07:00 (not urgent), by day it is sent.
        var manager = Assert.Single(await NoticesAsync($"cooperative.new_order:{orderId}"));
        Assert.Equal("0912000001", manager.Recipient);
        Assert.Contains($"/portal/{_world.A.Slug}/orders/{_world.A.OrderCode}", manager.Text, StringComparison.Ordinal);
        Assert.True(manager.State == NoticeState.Sent || manager.NotBefore > manager.CreatedAt, $"{manager.State} {manager.NotBefore:O}");
    }

    [Fact]
    public async Task A_buyer_who_stops_messages_gets_none_until_they_ask_again()
    {
        var (waybill, shipmentId, code) = await _world.BookParcelAsync(_world.P);
        var order = await _world.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Code == code));
        var tracking = $"/orders/{order.TrackingToken}";
        var buyer = await _world.ClientAsync("anonymous");
        Assert.Contains("Ngừng nhận tin nhắn", await buyer.PageAsync(tracking), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await buyer.PostFormAsync(tracking, $"{tracking}?handler=StopMessages")).StatusCode);
        Assert.Contains("Bạn đã ngừng nhận tin nhắn tới 0912345678.", await buyer.PageAsync(tracking), StringComparison.Ordinal);
        await StepAsync(shipmentId, waybill, ShipmentStatus.PickedUp);
        await StepAsync(shipmentId, waybill, ShipmentStatus.OutForDelivery);
        var stopped = await SettledAsync($"order.out_for_delivery:{order.Id}", BuyerPhone);
        Assert.Equal(NoticeState.OptedOut, stopped.State);
        Assert.Empty(_sms.SentTo(BuyerPhone, $"Dang giao hom nay"));

        Assert.Equal(HttpStatusCode.Redirect, (await buyer.PostFormAsync(tracking, $"{tracking}?handler=ResumeMessages")).StatusCode);
        await StepAsync(shipmentId, waybill, ShipmentStatus.DeliveryFailed, DeliveryFailureReason.BuyerUnreachable);
        var failed = Assert.Single(await SentAsync(BuyerPhone, $"Giao don {code} chua duoc (khong lien lac duoc)"));
        Assert.Contains($"https://cho.example.vn{tracking}", failed.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_message_is_parked_on_the_admin_page_and_sent_again_from_there()
    {
        _sms.WillAnswer("101");
        var (waybill, shipmentId, code) = await _world.BookParcelAsync(_world.P);
        var orderId = await _world.QueryAsync(db => db.Orders.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
        await StepAsync(shipmentId, waybill, ShipmentStatus.PickedUp);
        await StepAsync(shipmentId, waybill, ShipmentStatus.OutForDelivery);
        var parked = await SettledAsync($"order.out_for_delivery:{orderId}", BuyerPhone);
        Assert.Equal((NoticeState.Parked, 1), (parked.State, parked.Attempts));

        var admin = await _world.ClientAsync("admin");
        var page = await admin.PageAsync("/admin/notices?state=parked");
        Assert.Contains("Đã dừng, cần xem", page, StringComparison.Ordinal);
        Assert.Contains("CodeResult 101", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _world.ClientAsync("managerA")).GetAsync("/admin/notices")).StatusCode);

        _sms.WillAnswer("100");
        var retried = await admin.PostFormAsync("/admin/notices", "/admin/notices?handler=Retry", ("id", parked.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Single(await SentAsync(BuyerPhone, $"Don {code} dang giao hom nay"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/notices", "/admin/notices?handler=Retry", ("id", parked.Id.ToString()))).StatusCode);
    }

    [Fact]
    public async Task A_helper_switches_the_cooperatives_messages_on_and_only_for_themself()
    {
        var helper = await _world.ClientAsync("helperA");
        var page = $"/portal/{_world.A.Slug}/notices";
        Assert.Contains("chưa nhận tin nhắn", await helper.PageAsync(page), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await helper.PostFormAsync(page, page, ("receives", "true"))).StatusCode);

        Assert.Contains("đang nhận tin nhắn", await helper.PageAsync(page), StringComparison.Ordinal);
        var receiving = await _world.QueryAsync(db => db.CooperativeAccess.Where(a => a.CooperativeId == _world.A.Id && a.ReceivesNotices)
            .Join(db.Users, a => a.AccountId, u => u.Id, (a, u) => u.UserName).ToListAsync());
        Assert.Equal(["0912000001", "tro-giup@example.vn"], receiving.Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.B.Slug}/notices")).StatusCode);
    }

    private async Task StepAsync(Guid shipmentId, string waybill, ShipmentStatus status, DeliveryFailureReason reason = DeliveryFailureReason.None) =>
        await _world.App.Services.GetRequiredService<IGrainFactory>().GetGrain<Grains.Logistics.IShipmentGrain>(shipmentId)
            .ReportAsync(new ShipmentReport($"{waybill}/{status}", status, "", DateTimeOffset.UtcNow, ReportSource.PartnerApi, reason));

    /// <summary>Marks the event's outbox message unhandled again, as after a crash before it was completed, and waits for the relay to handle it.</summary>
    private async Task ReplayAsync(string type, Guid orderId)
    {
        var id = await _world.QueryAsync(db => db.OutboxMessages.Where(m => m.Type == type && m.Payload.Contains(orderId.ToString())).Select(m => m.Id).SingleAsync());
        await _world.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null).SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await Until(async () => await _world.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.ProcessedAt != null)), "the replayed event was not handled");
    }

    private async Task<IReadOnlyList<(string Phone, string Content, string IsUnicode)>> SentAsync(string phone, string containing)
    {
        await Until(() => Task.FromResult(_sms.SentTo(phone, containing).Count > 0), $"no SMS to {phone} with \"{containing}\"");
        return _sms.SentTo(phone, containing);
    }

    /// <summary>The notice once its sending is over for now (sent, parked, or not sent for an opt-out).</summary>
    private async Task<Notice> SettledAsync(string key, string recipient)
    {
        Notice? notice = null;
        await Until(async () =>
        {
            notice = (await NoticesAsync(key)).SingleOrDefault(n => n.Recipient == recipient);
            return notice is { State: NoticeState.Sent or NoticeState.Parked or NoticeState.OptedOut };
        }, $"{key} to {recipient} did not settle");
        return notice!;
    }

    private Task<List<Notice>> NoticesAsync(string key) => _world.QueryAsync(db => db.Notices.AsNoTracking().Where(n => n.Key == key).ToListAsync());

    private static async Task Until(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure + " within 20 s");
            await Task.Delay(100);
        }
    }
}
