using System.Globalization;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Notices;

/// <summary>
/// What the buyer is told about an order, in the words of a customer-care SMS (no advertising; the brandname already
/// says it is from RuralMarket): short enough that
/// most fit one message without diacritics. Every one carries the tracking link, since the page shows it only once.
/// </summary>
public static class BuyerNotices
{
    public static NoticeDraft Placed(Guid orderId, string code, Money total, string trackingUrl) =>
        NoticeDraft.Of(NoticeKind.OrderPlaced, orderId.ToString(), $"Đã nhận đơn {code}, {NoticeDraft.Amount(total)}. Theo dõi đơn: {trackingUrl}",
            ("order_code", code), ("amount", NoticeDraft.Amount(total)), ("link", trackingUrl));

    /// <summary>A transfer order: the placing notice is also the payment request (amount, memo, deadline).</summary>
    public static NoticeDraft AwaitingTransfer(Guid orderId, string code, Money total, DateTimeOffset payBy, string trackingUrl) =>
        NoticeDraft.Of(NoticeKind.OrderPlaced, orderId.ToString(),
            $"Đơn {code} chờ chuyển khoản {NoticeDraft.Amount(total)}, nội dung {code}, trước {Time(payBy)}. QR: {trackingUrl}",
            ("order_code", code), ("amount", NoticeDraft.Amount(total)), ("deadline", Time(payBy)), ("link", trackingUrl));

    public static NoticeDraft Shipped(Guid orderId, string code, string partner, string waybill, string trackingUrl) =>
        NoticeDraft.Of(NoticeKind.OrderShipped, orderId.ToString(), $"Đơn {code} đã giao cho {Shorten(partner, 40)}, vận đơn {waybill}. Theo dõi: {trackingUrl}",
            ("order_code", code), ("carrier", partner), ("waybill", waybill), ("link", trackingUrl));

    public static NoticeDraft OutForDelivery(Guid orderId, string code, Money cashToCollect, string phone, string trackingUrl)
    {
        var cash = cashToCollect > Money.Zero ? $", thu {NoticeDraft.Amount(cashToCollect)}" : string.Empty;
        return NoticeDraft.Of(NoticeKind.OutForDelivery, orderId.ToString(), $"Đơn {code} đang giao hôm nay{cash}.{Call(phone, string.Empty)} {trackingUrl}",
            ("order_code", code), ("amount", NoticeDraft.Amount(cashToCollect)), ("phone", phone), ("link", trackingUrl));
    }

    public static NoticeDraft Delivered(Guid orderId, string code, string trackingUrl) =>
        NoticeDraft.Of(NoticeKind.Delivered, orderId.ToString(), $"Đơn {code} đã giao xong. Cảm ơn bạn! Đánh giá sản phẩm: {trackingUrl}",
            ("order_code", code), ("link", trackingUrl));

    /// <param name="attemptedAt">Part of the subject: each failed attempt is its own notice, a repeated report of one is not.</param>
    public static NoticeDraft DeliveryFailed(Guid orderId, string code, DeliveryFailureReason reason, DateTimeOffset attemptedAt, string phone, string trackingUrl) =>
        NoticeDraft.Of(NoticeKind.DeliveryFailed, $"{orderId}:{attemptedAt.UtcTicks}",
            $"Giao đơn {code} chưa được ({ReasonOf(reason)}).{Call(phone, " để hẹn lại")} {trackingUrl}",
            ("order_code", code), ("reason", ReasonOf(reason)), ("phone", phone), ("link", trackingUrl));

    /// <summary>" Gọi 0209…{purpose}." for the number the buyer can call (the carrier's, else the cooperative's); nothing without one.</summary>
    private static string Call(string phone, string purpose) => phone.Length > 0 ? $" Gọi {phone}{purpose}." : string.Empty;

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";

    private static string Time(DateTimeOffset at) => at.ToOffset(VietnamCalendar.Offset).ToString("HH:mm dd/MM", CultureInfo.InvariantCulture);

    private static string ReasonOf(DeliveryFailureReason reason) => reason switch
    {
        DeliveryFailureReason.BuyerUnreachable => "không liên lạc được",
        DeliveryFailureReason.Refused => "người nhận từ chối",
        DeliveryFailureReason.WrongAddress => "sai địa chỉ",
        DeliveryFailureReason.Damaged => "hàng hư hỏng",
        _ => "lý do khác",
    };
}
