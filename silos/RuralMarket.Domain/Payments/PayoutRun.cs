using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

public enum PayoutStatus
{
    /// <summary>Drawn and waiting for the bank transfer.</summary>
    Open,

    /// <summary>An admin sent it and recorded the bank's reference.</summary>
    Paid,
}

/// <summary>
/// One payout to a cooperative (kỳ chi trả): the settled money owed to it and to its households, order by order, drawn
/// once. Each order's share is in at most one run, ever; the account it is paid into is kept as it was when drawn. An
/// admin marks it paid with the bank's reference once the transfer has gone; that is when the ledger moves.
/// </summary>
public sealed class PayoutRun : AggregateRoot
{
    public const int MaxLines = 20_000;

    private readonly List<PayoutLine> _lines = [];

    private PayoutRun()
    {
        Account = null!;
        BankReference = string.Empty;
    }

    public Guid CooperativeId { get; private set; }

    /// <summary>The day it was drawn, in Vietnam; one run per cooperative and day.</summary>
    public DateOnly DrawnOn { get; private set; }

    public DateTimeOffset DrawnAt { get; private set; }

    public PayoutAccount Account { get; private set; }

    public IReadOnlyList<PayoutLine> Lines => _lines;

    public Money Total => Money.Sum(_lines.Select(l => l.Amount));

    public PayoutStatus Status { get; private set; }

    public string BankReference { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Short, plain and unique enough for a bank memo and for people to read out: <c>CT261203-1A2B3C</c>.</summary>
    public string Code => $"CT{DrawnOn:yyMMdd}-{Id.ToString("N")[..6].ToUpperInvariant()}";

    /// <summary>The transfer's memo, without diacritics: bulk-transfer screens drop or refuse them.</summary>
    public string Memo => $"RuralMarket chi tra {Code}";

    public static PayoutRun Draw(Guid id, Guid cooperativeId, DateOnly drawnOn, PayoutAccount? account, IReadOnlyList<PayoutLine> lines, DateTimeOffset now)
    {
        if (account?.Bank is null)
        {
            throw new DomainException("payout.no_account", "The cooperative has no bank account to be paid into: its manager adds one on the profile page.");
        }
        if (lines.Count == 0)
        {
            throw new DomainException("payout.nothing_settled", "Nothing settled is waiting to be paid to this cooperative.");
        }
        if (lines.Count > MaxLines)
        {
            throw new DomainException("payout.too_many_lines", $"A run pays at most {MaxLines} shares; draw again for the rest.");
        }
        if (lines.DistinctBy(l => (l.OrderId, l.Account)).Count() != lines.Count)
        {
            throw new DomainException("payout.line_twice", "A share of an order appears twice in one run.");
        }
        var run = new PayoutRun { Id = id, CooperativeId = cooperativeId, DrawnOn = drawnOn, DrawnAt = now, Account = account, Status = PayoutStatus.Open };
        run._lines.AddRange(lines);
        run.Raise(new PayoutRunDrawn(id, cooperativeId, run.Total.Dong, now));
        return run;
    }

    /// <summary>Records the bank transfer. Sent again with the same reference it changes nothing (false); another reference is refused.</summary>
    public bool MarkPaid(string bankReference, DateTimeOffset now)
    {
        var reference = DomainText.Require(bankReference, "payout.bank_reference", 60);
        if (Status == PayoutStatus.Paid)
        {
            return BankReference == reference
                ? false
                : throw new DomainException("payout.already_paid", $"Run {Code} was already paid with bank reference {BankReference}.");
        }
        Status = PayoutStatus.Paid;
        BankReference = reference;
        PaidAt = now;
        Raise(new PayoutRunPaid(Id, CooperativeId, Total.Dong, reference, now));
        return true;
    }

    /// <summary>The ledger's side of the transfer: what was owed to the cooperative and each household is paid from the bank.</summary>
    public IReadOnlyList<LedgerEntry> Posting() =>
        Payments.Posting.Balanced(_lines.Select(l => new LedgerEntry(l.Account, LedgerSide.Debit, l.Amount))
            .Append(new LedgerEntry(LedgerEntry.Bank, LedgerSide.Credit, Total)));
}

/// <summary>One order's share owed to one account (the cooperative's own part, or a household's).</summary>
public sealed record PayoutLine
{
    public PayoutLine(Guid orderId, string orderCode, string account, Money amount)
    {
        OrderId = orderId;
        OrderCode = orderCode;
        Account = account;
        Amount = amount > Money.Zero ? amount : throw new DomainException("payout.amount", "A payout line pays more than 0 ₫.");
    }

    public Guid OrderId { get; private set; }

    public string OrderCode { get; private set; }

    /// <summary><c>cooperative:{id}</c> or <c>household:{id}</c>.</summary>
    public string Account { get; private set; }

    public Money Amount { get; private set; }

    public Guid? HouseholdId => LedgerEntry.HouseholdOf(Account);
}

public sealed record PayoutRunDrawn(Guid RunId, Guid CooperativeId, long TotalDong, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PayoutRunPaid(Guid RunId, Guid CooperativeId, long TotalDong, string BankReference, DateTimeOffset OccurredAt) : IDomainEvent;
