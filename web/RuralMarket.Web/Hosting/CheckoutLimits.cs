using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Hosting;

/// <summary>The <c>Checkout</c> configuration section: how many checkouts one client address may place per window.</summary>
public sealed class CheckoutLimits
{
    public const string Section = "Checkout";

    [Range(1, 1000, ErrorMessage = "Checkout:OrdersPerWindow must be 1 to 1000.")]
    public int OrdersPerWindow { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Checkout:Window must be 1 s to 1 day.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
