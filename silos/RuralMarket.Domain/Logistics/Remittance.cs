using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Logistics;

/// <summary>
/// One batch of cash on delivery a postal partner hands over (đối soát COD): which waybills, how much for each, and
/// the fee it kept back. Recorded as the partner sent it, mistakes included (a waybill twice, a short amount): the
/// reconciliation shows them; nothing here corrects money silently. A batch's reference is the partner's own and is
/// recorded once.
/// </summary>
public sealed class Remittance : AggregateRoot
{
    public const int MaxLines = 2_000;

    private readonly List<RemittanceLine> _lines = [];

    private Remittance()
    {
        Reference = string.Empty;
    }

    public Guid PartnerId { get; private set; }

    /// <summary>The partner's name for the batch (its transfer or report number).</summary>
    public string Reference { get; private set; }

    public DateOnly RemittedOn { get; private set; }

    public ReportSource Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<RemittanceLine> Lines => _lines;

    public Money Total => Money.Sum(_lines.Select(l => l.Amount));

    public Money Fees => Money.Sum(_lines.Select(l => l.Fee));

    public static Remittance Record(Guid id, Guid partnerId, string reference, DateOnly remittedOn, ReportSource source,
        IReadOnlyList<RemittanceLine> lines, DateTimeOffset now)
    {
        if (lines.Count is 0 or > MaxLines)
        {
            throw new DomainException("remittance.lines", $"A remittance lists 1 to {MaxLines} waybills.");
        }
        var remittance = new Remittance
        {
            Id = id,
            PartnerId = partnerId,
            Reference = DomainText.Require(reference, "remittance.reference", 60),
            RemittedOn = remittedOn,
            Source = source,
            RecordedAt = now,
        };
        remittance._lines.AddRange(lines);
        remittance.Raise(new CodRemitted(id, partnerId, remittance.Reference, remittance.Total.Dong, now));
        return remittance;
    }
}

/// <summary>One waybill's cash in a remittance, and the fee the partner netted from it.</summary>
public sealed record RemittanceLine
{
    public RemittanceLine(string waybill, Money amount, Money fee)
    {
        Waybill = DomainText.Require(waybill, "remittance.waybill", 40).ToUpperInvariant();
        Amount = amount.Dong >= 0 ? amount : throw new DomainException("remittance.amount", "A remitted amount cannot be negative.");
        Fee = fee.Dong >= 0 ? fee : throw new DomainException("remittance.fee", "A fee cannot be negative.");
    }

    public string Waybill { get; }

    public Money Amount { get; }

    public Money Fee { get; }
}

public sealed record CodRemitted(Guid RemittanceId, Guid PartnerId, string Reference, long TotalDong, DateTimeOffset OccurredAt) : IDomainEvent;
