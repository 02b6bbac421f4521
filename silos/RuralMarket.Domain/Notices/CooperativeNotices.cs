using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Notices;

/// <summary>What a cooperative's manager (and the helpers who asked) are told by SMS, many of them on feature phones.</summary>
public static class CooperativeNotices
{
    public static NoticeDraft NewOrder(Guid orderId, string code, int quantity, Money total, string orderUrl) =>
        NoticeDraft.Of(NoticeKind.NewOrder, orderId.ToString(),
            $"Đơn mới {code}, {quantity} sản phẩm, {NoticeDraft.Amount(total)}. Xác nhận: {orderUrl}",
            ("order_code", code), ("quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("amount", NoticeDraft.Amount(total)), ("link", orderUrl));

    /// <param name="day">Part of the subject: at most one such notice per product and Vietnamese day, however often its stock moves.</param>
    public static NoticeDraft LowStock(Guid productId, string product, int stock, DateOnly day, string productUrl) =>
        NoticeDraft.Of(NoticeKind.LowStock, $"{productId}:{day:yyyy-MM-dd}",
            $"{Shorten(product, 60)} chỉ còn {stock} trong kho. Nhập thêm: {productUrl}",
            ("product", product), ("stock", stock.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("link", productUrl));

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "...";
}
