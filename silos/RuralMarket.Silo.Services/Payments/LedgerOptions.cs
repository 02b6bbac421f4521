using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Silo.Payments;

/// <summary>
/// The <c>Payments</c> section's money rules: <c>PlatformFeeBasisPoints</c>, the platform's fee on the goods of each
/// sale in basis points (100 = 1 %); <c>PayoutEvery</c>, how often each cooperative's settled money is drawn into a run.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Payments";

    [Range(0, 3_000, ErrorMessage = "Payments:PlatformFeeBasisPoints must be 0 to 3000 (30 %).")]
    public int PlatformFeeBasisPoints { get; set; }

    [Range(typeof(TimeSpan), "1.00:00:00", "31.00:00:00", ErrorMessage = "Payments:PayoutEvery must be 1 to 31 days.")]
    public TimeSpan PayoutEvery { get; set; } = TimeSpan.FromDays(7);
}
