using System.ComponentModel.DataAnnotations;
using System.Net;

namespace RuralMarket.Grains.Hosting;

/// <summary>The <c>Orleans</c> configuration section: who the cluster is, how its members find each other, and this process's part in it.</summary>
public sealed class OrleansOptions : IValidatableObject
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

    /// <summary><c>Silo</c> hosts grains (the embedded default and the silo pods); <c>Client</c> only calls them (web pods).</summary>
    public OrleansRole Role { get; set; } = OrleansRole.Silo;

    /// <summary><c>Localhost</c>: one silo on loopback (the embedded default). <c>Database</c>: the members meet in PostgreSQL (the scale-out).</summary>
    public OrleansDiscovery Discovery { get; set; } = OrleansDiscovery.Localhost;

    /// <summary>The address other members reach this silo on (the pod IP in Kubernetes); loopback when empty.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>This silo's name in the cluster and the dashboard (the pod name in Kubernetes); the machine name when empty.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Orleans:SiloName must be letters, digits, dots, dashes and underscores.")]
    public string? SiloName { get; set; }

    /// <summary>How long a grain call waits for its answer before the caller hears an error (a buyer gets an error page and can send the form again).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Orleans:ResponseTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IPAddress Advertised => string.IsNullOrEmpty(AdvertisedAddress) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("Orleans:SiloPort and Orleans:GatewayPort must differ.");
        }
        if (!string.IsNullOrEmpty(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"Orleans:AdvertisedAddress «{AdvertisedAddress}» is not an IP address.");
        }
        if (Role == OrleansRole.Client && Discovery == OrleansDiscovery.Localhost)
        {
            yield return new ValidationResult("Orleans:Role Client needs Orleans:Discovery Database: a client on its own has no silo to call.");
        }
    }
}

public enum OrleansRole
{
    Silo,
    Client,
}

public enum OrleansDiscovery
{
    Localhost,
    Database,
}
