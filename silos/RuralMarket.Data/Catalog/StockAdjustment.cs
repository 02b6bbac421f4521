using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Catalog;

/// <summary>
/// One change of a product's stock made in the portal: by how much, why, the stock after it and who did it.
/// Written in the same transaction as the product, so the log and the stock never disagree.
/// </summary>
public sealed class StockAdjustment
{
    public const int MaxNoteLength = 200;

    private StockAdjustment()
    {
    }

    public StockAdjustment(Guid productId, int delta, int stockAfter, StockAdjustmentReason reason, string? note,
        Guid accountId, string accountName, string actingAs, DateTimeOffset at)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("stock.reason_unknown", $"Unknown stock adjustment reason {reason}.");
        }
        if (delta == 0)
        {
            throw new DomainException("stock.delta_zero", "A stock adjustment changes the stock by at least one.");
        }
        ProductId = productId;
        Delta = delta;
        StockAfter = stockAfter;
        Reason = reason;
        Note = DomainText.Optional(note, "stock.note", MaxNoteLength);
        if (reason == StockAdjustmentReason.Other && Note.Length == 0)
        {
            throw new DomainException("stock.note.required", "Say what happened when the reason is \"other\".");
        }
        AccountId = accountId;
        AccountName = accountName;
        ActingAs = actingAs;
        At = at;
    }

    public long Id { get; private set; }

    public Guid ProductId { get; private set; }

    public int Delta { get; private set; }

    public int StockAfter { get; private set; }

    public StockAdjustmentReason Reason { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public Guid AccountId { get; private set; }

    public string AccountName { get; private set; } = string.Empty;

    public string ActingAs { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}
