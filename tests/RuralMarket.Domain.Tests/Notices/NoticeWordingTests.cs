using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Notices;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Notices;

public sealed class NoticeWordingTests
{
    private static readonly Guid OrderId = Guid.Parse("0b6f3f0e-4b8a-4f5e-9a51-2d7a3c1e9f10");
    private const string Tracking = "https://ruralmarket.vn/orders/q8Zk3mW1xT0aP5vL9cR2yH7sN4bE6uJd";

    public static TheoryData<string, NoticeDraft> BuyerDrafts => new()
    {
        { "placed", BuyerNotices.Placed(OrderId, "RM7K2M9QXT", Money.FromDong(1_250_000), Tracking) },
        { "transfer", BuyerNotices.AwaitingTransfer(OrderId, "RM7K2M9QXT", Money.FromDong(1_250_000), new DateTimeOffset(2026, 12, 4, 11, 30, 0, TimeSpan.Zero), Tracking) },
        { "shipped", BuyerNotices.Shipped(OrderId, "RM7K2M9QXT", "Viettel Post", "VTP123456789", Tracking) },
        { "out", BuyerNotices.OutForDelivery(OrderId, "RM7K2M9QXT", Money.FromDong(1_250_000), "02093870123", Tracking) },
        { "delivered", BuyerNotices.Delivered(OrderId, "RM7K2M9QXT", Tracking) },
        { "failed", BuyerNotices.DeliveryFailed(OrderId, "RM7K2M9QXT", DeliveryFailureReason.BuyerUnreachable, DateTimeOffset.UnixEpoch, "02093870123", Tracking) },
    };

    [Theory]
    [MemberData(nameof(BuyerDrafts))]
    public void Every_buyer_notice_carries_the_tracking_link_and_fits_one_sms_without_diacritics(string name, NoticeDraft draft)
    {
        var sms = SmsText.Choose(draft.Text);

        Assert.Contains(Tracking, draft.Text, StringComparison.Ordinal);
        Assert.True(sms.Segments == 1, $"{name}: {sms.Segments} segments for \"{sms.Text}\"");
        Assert.Contains(Tracking, sms.Text, StringComparison.Ordinal); // the link survives the unaccenting untouched
        Assert.DoesNotContain("₫", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transfer_request_names_the_exact_amount_the_memo_and_the_deadline_in_vietnam_time()
    {
        var draft = BuyerNotices.AwaitingTransfer(OrderId, "RM7K2M9QXT", Money.FromDong(1_250_000), new DateTimeOffset(2026, 12, 4, 11, 30, 0, TimeSpan.Zero), Tracking);

        Assert.Contains("chuyển khoản 1.250.000 đ, nội dung RM7K2M9QXT, trước 18:30 04/12", draft.Text, StringComparison.Ordinal);
        Assert.Equal(BuyerNotices.Placed(OrderId, "RM7K2M9QXT", Money.FromDong(1), Tracking).Key, draft.Key); // one placing notice per order, whatever its words
    }

    [Fact]
    public void Each_failed_attempt_is_its_own_notice_while_a_repeated_report_of_one_is_the_same()
    {
        var first = DateTimeOffset.UnixEpoch;
        NoticeDraft Failed(DateTimeOffset at) => BuyerNotices.DeliveryFailed(OrderId, "DH1", DeliveryFailureReason.Refused, at, "x", Tracking);

        Assert.Equal(Failed(first).Key, Failed(first).Key);
        Assert.NotEqual(Failed(first).Key, Failed(first.AddHours(26)).Key);
        Assert.Contains("người nhận từ chối", Failed(first).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_number_to_call_the_notice_asks_no_call()
    {
        var failed = BuyerNotices.DeliveryFailed(OrderId, "RM1", DeliveryFailureReason.WrongAddress, DateTimeOffset.UnixEpoch, string.Empty, Tracking);

        Assert.DoesNotContain("Gọi", failed.Text, StringComparison.Ordinal);
        Assert.Contains("Gọi 02093870123 để hẹn lại.", BuyerNotices.DeliveryFailed(OrderId, "RM1", DeliveryFailureReason.WrongAddress, DateTimeOffset.UnixEpoch, "02093870123", Tracking).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_for_delivery_says_the_cash_to_have_ready_only_when_there_is_some()
    {
        Assert.Contains("thu 85.000 đ", BuyerNotices.OutForDelivery(OrderId, "DH1", Money.FromDong(85_000), "x", Tracking).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("thu ", BuyerNotices.OutForDelivery(OrderId, "DH1", Money.Zero, "x", Tracking).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_stock_is_one_notice_per_product_and_vietnamese_day()
    {
        var product = Guid.NewGuid();
        var today = new DateOnly(2026, 12, 4);
        NoticeDraft Low(DateOnly day, int stock) => CooperativeNotices.LowStock(product, "Miến dong Vi Hương", stock, day, "https://ruralmarket.vn/portal/x/products/y");

        Assert.Equal(Low(today, 4).Key, Low(today, 2).Key);
        Assert.NotEqual(Low(today, 4).Key, Low(today.AddDays(1), 4).Key);
        Assert.Contains("Miến dong Vi Hương chỉ còn 2 trong kho", Low(today, 2).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_are_found_by_their_stored_names()
    {
        Assert.All(NoticeKind.All, kind => Assert.Same(kind, NoticeKind.Named(kind.Name)));
        Assert.Null(NoticeKind.Named("order.unknown"));
    }
}
