using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Logistics.Quotes;

/// <summary>
/// <c>Carriers:Quotes</c>: which switched-on carrier prices parcels at checkout, and how long the buyer may wait for it.
/// Empty <see cref="Carrier"/> (the default) prices every parcel from the weight table.
/// </summary>
public sealed class CarrierQuoteOptions
{
    public const string Section = "Carriers:Quotes";

    /// <summary>A carrier code (<c>ghn</c>, <c>viettelpost</c>); it must also be switched on in its own section.</summary>
    public string Carrier { get; set; } = string.Empty;

    /// <summary>How long checkout waits for the carrier before it shows the weight table's fee instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30", ErrorMessage = "Carriers:Quotes:Timeout must be 50 ms to 30 s.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a carrier's answer is reused for the same route, weight and cash to collect.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Carriers:Quotes:CacheFor must be 1 s to 1 day.")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a route whose quote failed or timed out keeps the weight table's fee before the carrier is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Carriers:Quotes:RetryAfter must be 1 s to 1 hour.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Carrier calls in flight at once; a checkout beyond them gets the weight table at once rather than queueing.</summary>
    [Range(1, 1000, ErrorMessage = "Carriers:Quotes:MaxConcurrentCalls must be 1 to 1000.")]
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>The box assumed for a quote, before anyone has packed it (the booking sends the real one).</summary>
    [Range(1, 200)]
    public int LengthCm { get; set; } = 25;

    [Range(1, 200)]
    public int WidthCm { get; set; } = 20;

    [Range(1, 200)]
    public int HeightCm { get; set; } = 10;
}
