using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Photos;

/// <summary>The <c>Photos</c> configuration section.</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    [Range(1024, 100 * 1024 * 1024, ErrorMessage = "Photos:MaxBytes must be 1 KB to 100 MB.")]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1_000_000, 200_000_000, ErrorMessage = "Photos:MaxPixels must be 1 to 200 megapixels.")]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>How many photos are decoded at once; the rest wait, so uploads cannot take every core from the storefront.</summary>
    [Range(1, 64, ErrorMessage = "Photos:MaxConcurrentDecodes must be 1 to 64.")]
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How long an upload waits for a decoding slot before the cooperative is asked to try again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Photos:QueueTimeout must be 1 s to 10 minutes.")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
