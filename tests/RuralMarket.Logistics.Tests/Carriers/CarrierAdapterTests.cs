using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Ghn;
using RuralMarket.Logistics.ViettelPost;
using RuralMarket.Logistics.VnPost;
using RuralMarket.Testing.Carriers;
using CarrierRegistry = RuralMarket.Logistics.Carriers;

namespace RuralMarket.Logistics.Tests.Carriers;

/// <summary>The GHN and Viettel Post adapters as the platform registers them, talking HTTP to each carrier's fake.</summary>
public sealed class CarrierAdapterTests : IDisposable
{
    private readonly FakeGhn _ghn = new();
    private readonly FakeViettelPost _viettel = new();
    private readonly FakeVnPost _vnpost = new();

    private static readonly CarrierParcel Parcel = new("RM-7KQ2", new Parcel(1_200, 30, 20, 15),
        new CarrierParty(new ParcelEnd("HTX Nông nghiệp Vi Hương", "0209 3871 234", new Address("06", "Xã Chợ Mới", "Thôn Nà Làng")), "Tỉnh Thái Nguyên"),
        new CarrierParty(new ParcelEnd("Trần Thị Mai", "0912 345 678", new Address("01", "Phường Hoàn Kiếm", "12 Hàng Bạc")), "Thành phố Hà Nội"),
        Money.FromDong(250_000), Money.FromDong(30_000));

    public void Dispose()
    {
        _ghn.Dispose();
        _viettel.Dispose();
        _vnpost.Dispose();
    }

    private static ServiceProvider Services(params IReadOnlyDictionary<string, string?>[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.SelectMany(s => s)).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCarriers().BuildServiceProvider();
    }

    private ICarrier Carrier(string code) => Services(_ghn.Settings, _viettel.Settings, _vnpost.Settings).GetRequiredService<CarrierRegistry>().For(code);

    [Fact]
    public void Carriers_are_off_until_configuration_switches_them_on_and_one_switched_on_without_credentials_does_not_start()
    {
        var carriers = Services().GetRequiredService<CarrierRegistry>();
        Assert.Equal(["partner"], carriers.Codes);
        Assert.Equal("shipment.carrier_off", Assert.Throws<DomainException>(() => carriers.For(GhnCarrier.CarrierCode)).Code);

        var incomplete = Services(new Dictionary<string, string?> { ["Carriers:Ghn:Enabled"] = "true" });
        Assert.Throws<OptionsValidationException>(() => incomplete.GetRequiredService<IOptions<GhnOptions>>().Value);
    }

    [Fact]
    public async Task GHN_books_with_its_token_and_shop_headers_and_answers_its_order_code_as_the_waybill()
    {
        _ghn.WillBook("gyf7xk4p", 32_000);

        var booking = await Carrier(GhnCarrier.CarrierCode).BookAsync(Parcel, CancellationToken.None);

        Assert.Equal(("GYF7XK4P", 32_000L), (booking.Waybill, booking.Fee.Dong));
        var (headers, body) = Assert.Single(_ghn.RequestsTo(FakeGhn.CreatePath));
        Assert.Equal(FakeGhn.Token, headers["Token"].Single());
        Assert.Equal(FakeGhn.ShopId, headers["ShopId"].Single());
        Assert.Equal(250_000, body.GetProperty("cod_amount").GetInt64());
        Assert.Equal("RM-7KQ2", body.GetProperty("client_order_code").GetString());
        Assert.Equal(("Trần Thị Mai", "Phường Hoàn Kiếm", "Thành phố Hà Nội"),
            (body.GetProperty("to_name").GetString(), body.GetProperty("to_ward_name").GetString(), body.GetProperty("to_province_name").GetString()));
        Assert.Equal((1_200, 30, 20, 15), (body.GetProperty("weight").GetInt32(), body.GetProperty("length").GetInt32(),
            body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task GHN_quotes_its_total_and_a_refusal_reaches_us_with_its_message()
    {
        _ghn.WillQuote(36_300);
        Assert.Equal(Money.FromDong(36_300), await Carrier(GhnCarrier.CarrierCode).QuoteAsync(Parcel, CancellationToken.None));

        _ghn.WillRefuse(FakeGhn.CreatePath, "Số điện thoại người nhận không hợp lệ");
        var refused = await Assert.ThrowsAsync<CarrierException>(() => Carrier(GhnCarrier.CarrierCode).BookAsync(Parcel, CancellationToken.None));
        Assert.Contains("Số điện thoại người nhận không hợp lệ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GHN_cancels_by_order_code_and_its_order_log_gives_the_steps_oldest_first_with_the_webhooks_event_keys()
    {
        var ghn = Carrier(GhnCarrier.CarrierCode);
        await ghn.CancelAsync("GYF7XK4P", CancellationToken.None);
        Assert.Equal("GYF7XK4P", Assert.Single(_ghn.RequestsTo(FakeGhn.CancelPath)).Body.GetProperty("order_codes")[0].GetString());

        var picked = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        _ghn.WillLog(("delivering", picked.AddHours(20)), ("picked", picked), ("hold_for_customs", picked.AddHours(2)));
        var steps = await ghn.FetchStepsAsync("GYF7XK4P", CancellationToken.None);

        Assert.Equal([ShipmentStatus.PickedUp, null, ShipmentStatus.OutForDelivery], steps.Select(s => s.Status));
        Assert.All(steps, s => Assert.Equal(ReportSource.Poll, s.Source));
        var webhook = new GhnWebhook().Read($$"""{"OrderCode":"GYF7XK4P","Status":"picked","Time":"{{picked:O}}"}""").Steps[0].Report!;
        Assert.Equal(webhook.EventKey, steps[0].EventKey);
    }

    [Fact]
    public async Task Viettel_Post_books_with_its_token_and_the_addresses_as_text_and_collects_the_goods_price()
    {
        var booking = await Carrier(ViettelPostCarrier.CarrierCode).BookAsync(Parcel, CancellationToken.None);

        Assert.Equal(("1850123456789", 38_500L, "VCN"), (booking.Waybill, booking.Fee.Dong, booking.Service));
        var (headers, body) = Assert.Single(_viettel.RequestsTo(FakeViettelPost.CreatePath));
        Assert.Equal(FakeViettelPost.Token, headers["Token"].Single());
        Assert.Equal("12 Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội", body.GetProperty("RECEIVER_ADDRESS").GetString());
        Assert.Equal((3, 250_000L), (body.GetProperty("ORDER_PAYMENT").GetInt32(), body.GetProperty("MONEY_COLLECTION").GetInt64()));
    }

    [Fact]
    public async Task Viettel_Post_quotes_the_configured_service_and_an_error_envelope_is_a_refusal()
    {
        var viettel = Carrier(ViettelPostCarrier.CarrierCode);
        Assert.Equal(Money.FromDong(41_000), await viettel.QuoteAsync(Parcel, CancellationToken.None));

        _viettel.WillQuote(("LCOD", 29_000));
        await Assert.ThrowsAsync<CarrierException>(() => viettel.QuoteAsync(Parcel, CancellationToken.None));

        _viettel.WillRefuse(FakeViettelPost.UpdatePath, "Đơn hàng đã lấy, không thể hủy");
        var refused = await Assert.ThrowsAsync<CarrierException>(() => viettel.CancelAsync("1850123456789", CancellationToken.None));
        Assert.Contains("không thể hủy", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(_viettel.RequestsTo(FakeViettelPost.UpdatePath)).Body.GetProperty("TYPE").GetInt32());
    }

    [Fact]
    public async Task Vietnam_Post_books_with_its_h_token_and_the_cash_to_collect_and_quotes_nothing()
    {
        var vnpost = Carrier(VnPostCarrier.CarrierCode);
        var booking = await vnpost.BookAsync(Parcel, CancellationToken.None);

        Assert.Equal(("EB123456785VN", 27_500L, "BK"), (booking.Waybill, booking.Fee.Dong, booking.Service));
        var (headers, body) = Assert.Single(_vnpost.RequestsTo(FakeVnPost.CreatePath));
        Assert.Equal(FakeVnPost.Token, headers["h-token"].Single());
        Assert.Equal(("12 Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội", 250_000L, 1_200),
            (body.GetProperty("ReceiverAddress").GetString(), body.GetProperty("CodAmountEvaluation").GetInt64(), body.GetProperty("WeightEvaluation").GetInt32()));
        Assert.Null(await vnpost.QuoteAsync(Parcel, CancellationToken.None));
        Assert.True(vnpost.IsPolled);
    }

    [Fact]
    public async Task Vietnam_Post_is_polled_for_the_current_status_which_is_one_step_per_change_and_COD_paid_is_only_a_note()
    {
        var vnpost = Carrier(VnPostCarrier.CarrierCode);
        var at = new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(7));
        _vnpost.WillShow(14, at, codAmount: 282_000);

        var delivered = Assert.Single(await vnpost.FetchStepsAsync("EB123456785VN", CancellationToken.None));
        Assert.Equal((ShipmentStatus.Delivered, at, 282_000L, ReportSource.Poll), (delivered.Status, delivered.OccurredAt, delivered.CashCollected!.Value.Dong, delivered.Source));
        Assert.Equal(delivered.EventKey, Assert.Single(await vnpost.FetchStepsAsync("EB123456785VN", CancellationToken.None)).EventKey); // polled again: the same step

        _vnpost.WillShow(15, at.AddHours(-3), note: "Người nhận không nghe máy");
        var failed = Assert.Single(await vnpost.FetchStepsAsync("EB123456785VN", CancellationToken.None));
        Assert.Equal((ShipmentStatus.DeliveryFailed, DeliveryFailureReason.Other, "Người nhận không nghe máy"), (failed.Status, failed.Reason, failed.Note));

        _vnpost.WillShow(21, at.AddDays(2));
        Assert.Empty(await vnpost.FetchStepsAsync("EB123456785VN", CancellationToken.None));
        _vnpost.WillShow(27, at.AddDays(3));
        Assert.Null(Assert.Single(await vnpost.FetchStepsAsync("EB123456785VN", CancellationToken.None)).Status); // unknown: kept, to be flagged
    }

    [Fact]
    public async Task Vietnam_Post_cancels_by_item_code_and_an_http_error_is_a_refusal_with_its_message()
    {
        var vnpost = Carrier(VnPostCarrier.CarrierCode);
        await vnpost.CancelAsync("EB123456785VN", CancellationToken.None);
        Assert.Equal("EB123456785VN", Assert.Single(_vnpost.RequestsTo(FakeVnPost.CancelPath)).Body.GetProperty("ItemCode").GetString());

        _vnpost.WillRefuse(FakeVnPost.CreatePath, "Địa chỉ người nhận không hợp lệ");
        var refused = await Assert.ThrowsAsync<CarrierException>(() => vnpost.BookAsync(Parcel, CancellationToken.None));
        Assert.Contains("Địa chỉ người nhận không hợp lệ", refused.Message, StringComparison.Ordinal);
    }
}
