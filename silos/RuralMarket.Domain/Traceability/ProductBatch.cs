using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Traceability;

/// <summary>What a batch is when it is started: its lot name, and, once harvested, when and until when it keeps.</summary>
public sealed record BatchDetails(string Lot, DateOnly StartedOn, DateOnly? HarvestedOn, DateOnly? BestBefore, int Quantity);

/// <summary>
/// One lot of a product (a season's field, a day's drying): the stock received into it, the units packed from it, and
/// its harvest diary. A batch may be started before its harvest, so the diary can begin at sowing; its stock comes
/// when it is received. Only the product (its single writer) changes it.
/// </summary>
public sealed class ProductBatch
{
    public const int MaxLotLength = 60;

    private readonly List<DiaryEntry> _entries = [];

    private ProductBatch()
    {
        Code = Lot = string.Empty;
    }

    internal ProductBatch(Guid id, string code, BatchDetails details, DateOnly today, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("batch.id_required", "A batch needs an id.");
        }
        Id = id;
        Code = TraceCode.Read(code) ?? throw new DomainException("batch.code_invalid", $"{code} is not a trace code.");
        Lot = DomainText.Require(details.Lot, "batch.lot", MaxLotLength);
        StartedOn = details.StartedOn;
        CreatedAt = now;
        Receive(details.Quantity, details.HarvestedOn, details.BestBefore, today);
        if (StartedOn > today || (HarvestedOn is { } harvested && StartedOn > harvested))
        {
            throw new DomainException("batch.started_out_of_range", $"A batch starts by its harvest and by today, not {StartedOn}.");
        }
    }

    public Guid Id { get; private set; }

    /// <summary>The public trace code (see <see cref="TraceCode"/>).</summary>
    public string Code { get; private set; }

    public string Lot { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? HarvestedOn { get; private set; }

    public DateOnly? BestBefore { get; private set; }

    /// <summary>Units received into stock from this batch.</summary>
    public int Received { get; private set; }

    /// <summary>Units packed into orders from this batch.</summary>
    public int Packed { get; private set; }

    public int Remaining => Received - Packed;

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<DiaryEntry> Entries => _entries;

    /// <summary>Units come in; the first receipt with a harvest date sets it, and best-before may not come before it.</summary>
    internal void Receive(int quantity, DateOnly? harvestedOn, DateOnly? bestBefore, DateOnly today)
    {
        if (quantity is < 0 or > Product.MaxStock)
        {
            throw new DomainException("batch.quantity_out_of_range", $"A batch receives 0 to {Product.MaxStock} units, not {quantity}.");
        }
        if (harvestedOn > today)
        {
            throw new DomainException("batch.harvest_in_future", $"A harvest on {harvestedOn} has not happened yet.");
        }
        var harvest = HarvestedOn ?? harvestedOn;
        var keeps = bestBefore ?? BestBefore;
        if (keeps is { } until && harvest is { } from && until < from)
        {
            throw new DomainException("batch.best_before_before_harvest", $"Best before {until} comes before the harvest on {from}.");
        }
        if (quantity > 0 && harvest is null)
        {
            throw new DomainException("batch.harvest_required", "Units are received from a harvest: its date is needed.");
        }
        HarvestedOn = harvest;
        BestBefore = keeps;
        Received += quantity;
    }

    internal void Pack(int quantity)
    {
        if (quantity > Remaining)
        {
            throw new DomainException("batch.not_enough", $"Batch {Code} has {Remaining} units left, not {quantity}.");
        }
        Packed += quantity;
    }

    internal DiaryEntry Write(DiaryDraft draft, DiaryWriter writer, DateOnly today, DateTimeOffset now)
    {
        if (draft.Corrects is { } number && _entries.All(e => e.Number != number))
        {
            throw new DomainException("diary.corrects_unknown", $"Batch {Code} has no entry {number} to correct.");
        }
        var entry = new DiaryEntry(_entries.Count + 1, draft, writer, today, now);
        _entries.Add(entry);
        return entry;
    }
}
