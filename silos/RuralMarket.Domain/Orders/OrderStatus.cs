namespace RuralMarket.Domain.Orders;

public enum OrderStatus
{
    Placed,
    Confirmed,
    Packed,
    HandedToCarrier,
    InTransit,
    Delivered,
    Completed,
    Cancelled,
    DeliveryFailed,
    Returned,

    /// <summary>The carrier lost or damaged the parcel.</summary>
    Lost,
}

public enum PaymentMethod
{
    /// <summary>Thu hộ: the carrier collects cash at the door and remits it later.</summary>
    CashOnDelivery,

    /// <summary>VietQR bank transfer, paid before the cooperative ships.</summary>
    BankTransfer,

    /// <summary>Card through Stripe, for buyers abroad.</summary>
    Card,
}

public enum CancellationReason
{
    None,
    ByBuyer,
    ByCooperative,
    PaymentExpired,
}
