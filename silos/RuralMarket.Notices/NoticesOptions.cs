using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Notices;

/// <summary>The <c>Notices</c> section: the address links in messages point to, and how the sender retries.</summary>
public sealed class NoticesOptions
{
    public const string Section = "Notices";

    /// <summary>The storefront's public address, for tracking and portal links (<c>https://ruralmarket.vn</c>).</summary>
    [Required(ErrorMessage = "Notices:SiteUrl must be the storefront's public address.")]
    public Uri SiteUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>A published product's stock at or below this tells its cooperative (once a day).</summary>
    [Range(0, 100_000, ErrorMessage = "Notices:LowStockAt must be 0 to 100000.")]
    public int LowStockAt { get; set; } = 5;

    /// <summary>After this many failed attempts a notice is parked for an admin.</summary>
    [Range(1, 50, ErrorMessage = "Notices:MaxAttempts must be 1 to 50.")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each next one, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Notices:FirstRetryDelay must be 10 ms to 1 hour.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the silo looks for notices that have become due (after quiet hours, or a failure's wait).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Notices:PollInterval must be 50 ms to 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(FirstRetryDelay.Ticks << Math.Min(failedAttempts - 1, 20), TimeSpan.FromHours(1).Ticks));

    public string Link(string path) => new Uri(SiteUrl, path).ToString();
}
