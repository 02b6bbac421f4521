using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Silo;

/// <summary>The <c>Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Whether this process runs the silo's background work. True for the embedded default and silo pods, false for web pods.</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Silo:ExpiryInterval must be 1 s to 1 hour.")]
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Silo:CarrierPollInterval must be 10 s to 1 day.")]
    public TimeSpan CarrierPollInterval { get; set; } = TimeSpan.FromMinutes(15);
}
