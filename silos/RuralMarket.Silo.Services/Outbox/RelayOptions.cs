using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Silo.Outbox;

/// <summary>The <c>Silo:Relay</c> configuration section.</summary>
public sealed class RelayOptions
{
    public const string Section = "Silo:Relay";

    [Range(1, 1000, ErrorMessage = "Silo:Relay:BatchSize must be 1 to 1000.")]
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is parked for a person to look at.</summary>
    [Range(1, 100, ErrorMessage = "Silo:Relay:MaxAttempts must be 1 to 100.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Silo:Relay:FirstRetryDelay must be 10 ms to 1 hour.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Silo:Relay:MaxRetryDelay must be 1 s to 1 day.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim lasts; a relay that dies lets its messages go after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Silo:Relay:Lease must be 1 s to 1 hour.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the relay sleeps when there was nothing to do.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Silo:Relay:PollInterval must be 50 ms to 1 minute.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Exponential back-off: the first retry after <see cref="FirstRetryDelay"/>, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }
}
