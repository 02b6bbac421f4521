using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Data.Orders;

/// <summary>The <c>Orders</c> configuration section.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How long stock stays reserved for an unpaid VietQR or card order.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00", ErrorMessage = "Orders:PaymentWindow must be between 5 seconds and 7 days.")]
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Shipping fee by parcel weight until the logistics work books real carrier quotes:
    /// each tier is "up to N grams costs M đồng"; heavier parcels pay the last tier plus <see cref="PerExtraKilogramDong"/> a kilogram.
    /// </summary>
    [MinLength(1, ErrorMessage = "Orders:ShippingTiers needs at least one tier.")]
    public List<ShippingTier> ShippingTiers { get; set; } = [];

    [Range(0, 1_000_000, ErrorMessage = "Orders:PerExtraKilogramDong must be 0 to 1,000,000.")]
    public long PerExtraKilogramDong { get; set; } = 5_000;

    public static List<ShippingTier> DefaultTiers() =>
    [
        new() { UpToGrams = 500, FeeDong = 22_000 },
        new() { UpToGrams = 1_000, FeeDong = 27_000 },
        new() { UpToGrams = 2_000, FeeDong = 32_000 },
        new() { UpToGrams = 5_000, FeeDong = 45_000 },
    ];
}

public sealed class ShippingTier
{
    [Range(1, 1_000_000)]
    public int UpToGrams { get; set; }

    [Range(0, 10_000_000)]
    public long FeeDong { get; set; }
}
