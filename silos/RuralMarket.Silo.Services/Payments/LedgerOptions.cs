using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Silo.Payments;

/// <summary><c>Payments:PlatformFeeBasisPoints</c>: the platform's fee on the goods of each sale, in basis points (100 = 1 %).</summary>
public sealed class LedgerOptions
{
    public const string Section = "Payments";

    [Range(0, 3_000, ErrorMessage = "Payments:PlatformFeeBasisPoints must be 0 to 3000 (30 %).")]
    public int PlatformFeeBasisPoints { get; set; }
}
