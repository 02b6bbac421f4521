using RuralMarket.Payments.VietQr;

namespace RuralMarket.Web.Payments;

/// <summary>One order's VietQR transfer as the confirmation and tracking pages show it; <see cref="PayBy"/> is when the stock is let go.</summary>
public sealed record TransferView(string TrackingToken, TransferRequest Request, DateTimeOffset? PayBy);
