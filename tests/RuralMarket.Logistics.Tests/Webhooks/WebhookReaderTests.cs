using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Ghn;
using RuralMarket.Logistics.ViettelPost;
using RuralMarket.Logistics.Webhooks;

namespace RuralMarket.Logistics.Tests.Webhooks;

/// <summary>Carriers' webhook bodies, shaped as their documentation shows them, read into steps of our timeline.</summary>
public class WebhookReaderTests
{
    private static string Ghn(string status, string time, string type = "switch_status", long cod = 250_000, string reason = "") =>
        $$"""
        {"CODAmount":{{cod}},"CODTransferDate":null,"ClientOrderCode":"RM-7KQ2","ConvertedWeight":1200,"Description":"","Fee":{"MainService":32000},
         "Height":15,"IsPartialReturn":false,"Length":30,"OrderCode":"gyf7xk4p","PaymentType":1,"Reason":"{{reason}}","ReasonCode":"",
         "ShopID":885,"Status":"{{status}}","Time":"{{time}}","TotalFee":32000,"Type":"{{type}}","Warehouse":"Bưu Cục Chợ Mới","Weight":1200,"Width":20}
        """;

    private static string Viettel(object status, string date, string note = "", long cod = 250_000, string token = "bi-mat") =>
        $$"""
        {"DATA":{"ORDER_NUMBER":"1850123456789","ORDER_REFERENCE":"RM-7KQ2","ORDER_STATUSDATE":"{{date}}","ORDER_STATUS":{{status}},
         "STATUS_NAME":"Trạng thái","LOCALION_CURRENTLY":"Bưu cục Bắc Kạn","NOTE":"{{note}}","MONEY_COLLECTION":{{cod}},"MONEY_FEECOD":0,
         "MONEY_TOTAL":38500,"EXPECTED_DELIVERY":"Khoảng 2 ngày","PRODUCT_WEIGHT":1200,"ORDER_SERVICE":"VCN"},"TOKEN":"{{token}}"}
        """;

    [Fact]
    public void A_GHN_delivery_is_a_delivered_step_of_the_waybill_with_the_cash_it_collected()
    {
        var message = new GhnWebhook().Read(Ghn("delivered", "2026-12-03T08:15:30.125Z"));

        var step = Assert.Single(message.Steps);
        Assert.Equal("GYF7XK4P", step.Waybill);
        var report = Assert.IsType<ShipmentReport>(step.Report);
        Assert.Equal((ShipmentStatus.Delivered, "delivered", ReportSource.Webhook), (report.Status, report.CarrierStatus, report.Source));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 15, 30, 125, TimeSpan.Zero), report.OccurredAt);
        Assert.Equal(Money.FromDong(250_000), report.CashCollected);
        Assert.Null(message.BodySecret);
    }

    [Fact]
    public void The_same_GHN_step_sent_again_has_the_same_event_key_and_another_time_has_another()
    {
        var reader = new GhnWebhook();
        var first = reader.Read(Ghn("picked", "2026-12-03T08:15:30.125Z")).Steps[0].Report!;
        var again = reader.Read(Ghn("picked", "2026-12-03T08:15:30.125Z")).Steps[0].Report!;
        var later = reader.Read(Ghn("picked", "2026-12-03T08:15:31Z")).Steps[0].Report!;

        Assert.Equal(first.EventKey, again.EventKey);
        Assert.NotEqual(first.EventKey, later.EventKey);
    }

    [Theory]
    [InlineData("Khách hàng từ chối nhận hàng", DeliveryFailureReason.Refused)]
    [InlineData("KHÔNG LIÊN LẠC ĐƯỢC người nhận", DeliveryFailureReason.BuyerUnreachable)]
    [InlineData("Sai địa chỉ", DeliveryFailureReason.WrongAddress)]
    [InlineData("Trời mưa to", DeliveryFailureReason.Other)]
    public void A_GHN_failed_attempt_takes_its_reason_from_the_carriers_text_and_keeps_the_text(string text, DeliveryFailureReason expected)
    {
        var report = new GhnWebhook().Read(Ghn("delivery_fail", "2026-12-03T08:15:30Z", reason: text)).Steps[0].Report!;

        Assert.Equal((ShipmentStatus.DeliveryFailed, expected, text), (report.Status, report.Reason, report.Note));
    }

    [Fact]
    public void A_GHN_fee_or_weight_update_is_a_note_that_moves_nothing_and_an_unlisted_status_is_kept_without_a_step()
    {
        var reader = new GhnWebhook();

        Assert.Null(reader.Read(Ghn("picked", "2026-12-03T08:15:30Z", type: "update_weight")).Steps[0].Report);
        var unknown = reader.Read(Ghn("hold_for_customs", "2026-12-03T08:15:30Z")).Steps[0].Report!;
        Assert.Null(unknown.Status);
        Assert.Equal("hold_for_customs", unknown.CarrierStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"Status":"picked","Time":"2026-12-03T08:15:30Z"}""")]
    [InlineData("""{"OrderCode":"X","Status":"picked","Time":"yesterday"}""")]
    [InlineData("""{"OrderCode":{"a":1},"Status":"picked","Time":"2026-12-03T08:15:30Z"}""")]
    public void A_GHN_body_without_a_waybill_status_or_time_is_malformed(string body) =>
        Assert.Throws<MalformedWebhookException>(() => new GhnWebhook().Read(body));

    [Fact]
    public void A_Viettel_Post_callback_reads_its_token_its_Vietnam_time_and_its_numeric_status()
    {
        var message = new ViettelPostWebhook().Read(Viettel(501, "03/12/2026 15:20:05"));

        Assert.Equal("bi-mat", message.BodySecret);
        var step = Assert.Single(message.Steps);
        Assert.Equal("1850123456789", step.Waybill);
        Assert.Equal((ShipmentStatus.Delivered, "501"), (step.Report!.Status, step.Report.CarrierStatus));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 20, 5, TimeSpan.Zero), step.Report.OccurredAt.ToUniversalTime());
        Assert.Equal(Money.FromDong(250_000), step.Report.CashCollected);
    }

    [Fact]
    public void A_Viettel_Post_status_sent_as_text_reads_the_same_and_a_failed_attempt_without_a_known_phrase_keeps_the_tables_reason()
    {
        var reader = new ViettelPostWebhook();
        Assert.Equal(ShipmentStatus.InTransit, reader.Read(Viettel("\"300\"", "03/12/2026 15:20:05")).Steps[0].Report!.Status);

        var unreachable = reader.Read(Viettel(506, "03/12/2026 15:20:05", note: "Hẹn giao lại")).Steps[0].Report!;
        Assert.Equal((ShipmentStatus.DeliveryFailed, DeliveryFailureReason.BuyerUnreachable), (unreachable.Status, unreachable.Reason));
        var refused = reader.Read(Viettel(507, "03/12/2026 15:20:05", note: "Người nhận từ chối")).Steps[0].Report!;
        Assert.Equal(DeliveryFailureReason.Refused, refused.Reason);
    }

    [Theory]
    [InlineData("""{"TOKEN":"bi-mat"}""")]
    [InlineData("""{"DATA":"x","TOKEN":"bi-mat"}""")]
    [InlineData("""{"DATA":{"ORDER_NUMBER":"1","ORDER_STATUS":"abc","ORDER_STATUSDATE":"03/12/2026 15:20:05"}}""")]
    [InlineData("""{"DATA":{"ORDER_NUMBER":"1","ORDER_STATUS":501,"ORDER_STATUSDATE":"2026-12-03"}}""")]
    [InlineData("""{"DATA":{"ORDER_STATUS":501,"ORDER_STATUSDATE":"03/12/2026 15:20:05"}}""")]
    public void A_Viettel_Post_body_without_its_fields_is_malformed(string body) =>
        Assert.Throws<MalformedWebhookException>(() => new ViettelPostWebhook().Read(body));
}
