namespace RuralMarket.Domain.Notices;

/// <summary>
/// What a notice tells someone. The names are stored with each notice and are part of its idempotency key, so they
/// never follow a rename in code.
/// </summary>
public sealed record NoticeKind(string Name, bool Urgent)
{
    /// <summary>To the buyer: the order is placed, with its tracking link (and, for a transfer, what to pay and by when).</summary>
    public static readonly NoticeKind OrderPlaced = new("order.placed", Urgent: true);

    public static readonly NoticeKind OrderShipped = new("order.shipped", Urgent: false);

    public static readonly NoticeKind OutForDelivery = new("order.out_for_delivery", Urgent: true);

    public static readonly NoticeKind Delivered = new("order.delivered", Urgent: false);

    public static readonly NoticeKind DeliveryFailed = new("order.delivery_failed", Urgent: true);

    /// <summary>To the cooperative's manager and the helpers who asked for it.</summary>
    public static readonly NoticeKind NewOrder = new("cooperative.new_order", Urgent: false);

    public static readonly NoticeKind LowStock = new("product.low_stock", Urgent: false);

    /// <summary>A sign-in name's one-time code (registration): sent at once, never through the outbox.</summary>
    public static readonly NoticeKind AccountCode = new("account.code", Urgent: true);

    public static IReadOnlyList<NoticeKind> All { get; } = [AccountCode, OrderPlaced, OrderShipped, OutForDelivery, Delivered, DeliveryFailed, NewOrder, LowStock];

    public static NoticeKind? Named(string name) => All.FirstOrDefault(k => k.Name == name);
}
