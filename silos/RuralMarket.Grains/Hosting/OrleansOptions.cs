using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Grains.Hosting;

/// <summary>The <c>Orleans</c> configuration section: who the cluster is and where this silo listens.</summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    [Required(ErrorMessage = "Orleans:ClusterId is required.")]
    [RegularExpression("^[a-z0-9-]{1,100}$", ErrorMessage = "Orleans:ClusterId must be lower-case letters, digits and dashes.")]
    public string ClusterId { get; set; } = "ruralmarket-local";

    [Required(ErrorMessage = "Orleans:ServiceId is required.")]
    [RegularExpression("^[a-z0-9-]{1,100}$", ErrorMessage = "Orleans:ServiceId must be lower-case letters, digits and dashes.")]
    public string ServiceId { get; set; } = "ruralmarket";

    [Range(1, 65535, ErrorMessage = "Orleans:SiloPort must be a port number (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Orleans:GatewayPort must be a port number (1-65535).")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary><c>Localhost</c>: one silo on loopback (the embedded default).</summary>
    public OrleansClustering Clustering { get; set; } = OrleansClustering.Localhost;
}

public enum OrleansClustering
{
    Localhost,
}
