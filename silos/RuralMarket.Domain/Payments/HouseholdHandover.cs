using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

public enum HandoverMethod
{
    Cash,
    BankTransfer,
}

/// <summary>
/// Money a cooperative handed to one of its member households (trả tiền cho hộ), by cash or by transfer, as its manager
/// records it: the household's statement sets it against what the platform paid out for the household. Never edited or
/// deleted; one recorded by mistake is voided with a reason and stays visible as voided.
/// </summary>
public sealed class HouseholdHandover : AggregateRoot
{
    /// <summary>No household is handed a billion đồng at once: an amount this large is a typing mistake.</summary>
    public static readonly Money MaxAmount = Money.FromDong(1_000_000_000);

    /// <summary>How far back a handover may be dated: a year, for a notebook copied in late.</summary>
    public const int MaxDaysBack = 366;

    private HouseholdHandover()
    {
        Note = VoidReason = RecordedBy = string.Empty;
    }

    public Guid CooperativeId { get; private set; }

    public Guid HouseholdId { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>The day the money changed hands, in Vietnam.</summary>
    public DateOnly HandedOn { get; private set; }

    public HandoverMethod Method { get; private set; }

    public string Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public string VoidReason { get; private set; }

    public bool IsVoided => VoidedAt is not null;

    public static HouseholdHandover Record(Guid id, Cooperative cooperative, Guid householdId, Money amount, DateOnly handedOn,
        HandoverMethod method, string? note, string recordedBy, DateTimeOffset now)
    {
        if (cooperative.Households.All(h => h.Id != householdId))
        {
            throw new DomainException("handover.not_member", "The household is not a member of this cooperative.");
        }
        if (amount <= Money.Zero || amount > MaxAmount)
        {
            throw new DomainException("handover.amount", $"The amount is more than 0 ₫ and at most {MaxAmount}.");
        }
        var today = VietnamCalendar.DayOf(now);
        if (handedOn > today || handedOn < today.AddDays(-MaxDaysBack))
        {
            throw new DomainException("handover.date", "The day is today or within the last year.");
        }
        if (!Enum.IsDefined(method))
        {
            throw new DomainException("handover.method", "The money was handed in cash or by bank transfer.");
        }
        return new HouseholdHandover
        {
            Id = id, CooperativeId = cooperative.Id, HouseholdId = householdId, Amount = amount, HandedOn = handedOn, Method = method,
            Note = DomainText.Optional(note, "handover.note", 200), RecordedBy = DomainText.Require(recordedBy, "handover.recorded_by", 100),
            RecordedAt = now,
        };
    }

    /// <summary>Marks it recorded by mistake; voided already, nothing changes (false).</summary>
    public bool Void(string reason, DateTimeOffset now)
    {
        var why = DomainText.Require(reason, "handover.void_reason", 200);
        if (IsVoided)
        {
            return false;
        }
        (VoidedAt, VoidReason) = (now, why);
        return true;
    }

    /// <summary>Whether a request asks for exactly this handover: the same form sent twice.</summary>
    public bool IsSameAs(Guid householdId, Money amount, DateOnly handedOn, HandoverMethod method) =>
        HouseholdId == householdId && Amount == amount && HandedOn == handedOn && Method == method;
}
