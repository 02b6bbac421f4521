using System.Security.Cryptography;
using System.Text;

namespace RuralMarket.Grains.Payments;

/// <summary>
/// The single writer of one payout run, keyed by <see cref="IdOf"/> (cooperative and day), so the weekly schedule on
/// every silo and an admin's button on the same day reach the same grain and draw one run.
/// </summary>
public interface IPayoutRunGrain : IGrainWithGuidKey
{
    /// <summary>Draws the run from the settled shares not yet paid (read from the ledger, never sent in); asked again, answers the run drawn.</summary>
    Task<PayoutRunReceipt> DrawAsync(Guid cooperativeId, DateOnly drawnOn);

    /// <summary>Records the bank transfer that paid the run; the same reference again changes nothing.</summary>
    Task<PayoutRunReceipt> MarkPaidAsync(string bankReference, Actor actor);

    public static Guid IdOf(Guid cooperativeId, DateOnly drawnOn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"payout/{cooperativeId:N}/{drawnOn:yyyy-MM-dd}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>The run as stored. <see cref="Unchanged"/>: it had been drawn (or paid with that reference) before.</summary>
[GenerateSerializer, Immutable]
public sealed record PayoutRunReceipt([property: Id(0)] Guid RunId, [property: Id(1)] string Code, [property: Id(2)] int Lines,
    [property: Id(3)] long TotalDong, [property: Id(4)] bool Unchanged);
