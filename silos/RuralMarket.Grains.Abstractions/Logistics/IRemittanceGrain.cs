using System.Security.Cryptography;
using System.Text;
using RuralMarket.Domain.Logistics;

namespace RuralMarket.Grains.Logistics;

/// <summary>
/// The single writer of one COD remittance, keyed by <see cref="IdOf"/> (partner and its reference), so the same batch
/// sent again (a retried API call, a form sent twice) reaches the same grain and is recorded once.
/// </summary>
public interface IRemittanceGrain : IGrainWithGuidKey
{
    Task<RemittanceReceipt> RecordAsync(RemittanceReport report);

    /// <summary>The grain of a partner's batch: the same reference of the same partner is always the same id.</summary>
    public static Guid IdOf(Guid partnerId, string reference)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"remittance/{partnerId:N}/{reference.Trim().Normalize()}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

[GenerateSerializer, Immutable]
public sealed record RemittanceReport(
    [property: Id(0)] Guid PartnerId,
    [property: Id(1)] string Reference,
    [property: Id(2)] DateOnly RemittedOn,
    [property: Id(3)] ReportSource Source,
    [property: Id(4)] IReadOnlyList<RemittanceLine> Lines);

/// <summary>The batch as stored. <see cref="AlreadyRecorded"/>: this reference had been sent before, and nothing changed.</summary>
[GenerateSerializer, Immutable]
public sealed record RemittanceReceipt([property: Id(0)] Guid RemittanceId, [property: Id(1)] int Lines, [property: Id(2)] long TotalDong,
    [property: Id(3)] bool AlreadyRecorded);
