using System.ComponentModel;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Traceability;

/// <summary>What someone writes in the harvest diary: the day, what was done, by which household, with what.</summary>
public sealed record DiaryDraft(DateOnly Day, FarmActivity Activity, Guid? HouseholdId, string? Input, string? Note, PhotoVariants? Photo = null, int? Corrects = null);

/// <summary>Who wrote an entry: the account and the role it acted in (a helper writes for the cooperative).</summary>
public sealed record DiaryWriter(Guid AccountId, string Name, string ActingAs);

/// <summary>
/// One entry of a batch's harvest diary (nhật ký canh tác). Entries are never changed or removed: a correction is a
/// new entry that names the number of the one it corrects, and both stay readable.
/// </summary>
/// <remarks>Never changes once written, so it tells EF Core it has nothing to report (see <see cref="StockReservation"/>).</remarks>
public sealed record DiaryEntry : INotifyPropertyChanged
{
    public const int MaxInputLength = 200;
    public const int MaxNoteLength = 500;

    /// <summary>How far back an entry may be dated: a season, written up late.</summary>
    public const int MaxDaysBack = 366;

    private DiaryEntry()
    {
        Input = Note = WrittenBy = ActingAs = string.Empty;
    }

    internal DiaryEntry(int number, DiaryDraft draft, DiaryWriter writer, DateOnly today, DateTimeOffset now)
    {
        if (draft.Day > today || draft.Day < today.AddDays(-MaxDaysBack))
        {
            throw new DomainException("diary.day_out_of_range", $"A diary entry is dated within the last {MaxDaysBack} days, not {draft.Day}.");
        }
        if (!Enum.IsDefined(draft.Activity))
        {
            throw new DomainException("diary.activity_unknown", $"{draft.Activity} is not a farm activity.");
        }
        Input = DomainText.Optional(draft.Input, "diary.input", MaxInputLength);
        if (draft.Activity.NeedsInput() && Input.Length == 0)
        {
            throw new DomainException("diary.input.required", $"{draft.Activity} names the product and its dose.");
        }
        Note = DomainText.Optional(draft.Note, "diary.note", MaxNoteLength, multiline: true);
        Number = number;
        Day = draft.Day;
        Activity = draft.Activity;
        HouseholdId = draft.HouseholdId;
        PhotoId = draft.Photo?.PhotoId;
        PhotoWidth = draft.Photo?.Width ?? 0;
        PhotoHeight = draft.Photo?.Height ?? 0;
        Corrects = draft.Corrects;
        AccountId = writer.AccountId;
        WrittenBy = DomainText.Require(writer.Name, "diary.writer", 200);
        ActingAs = writer.ActingAs;
        WrittenAt = now;
    }

    /// <summary>1, 2, 3 … within its batch, in the order written.</summary>
    public int Number { get; private set; }

    public DateOnly Day { get; private set; }

    public FarmActivity Activity { get; private set; }

    public Guid? HouseholdId { get; private set; }

    /// <summary>The fertiliser or spray and its dose; empty for other activities when nothing was named.</summary>
    public string Input { get; private set; }

    public string Note { get; private set; }

    public Guid? PhotoId { get; private set; }

    public int PhotoWidth { get; private set; }

    public int PhotoHeight { get; private set; }

    public PhotoVariants? Photo => PhotoId is { } id ? new PhotoVariants(id, PhotoWidth, PhotoHeight) : null;

    /// <summary>The number of the entry this one corrects.</summary>
    public int? Corrects { get; private set; }

    public Guid AccountId { get; private set; }

    public string WrittenBy { get; private set; }

    public string ActingAs { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    event PropertyChangedEventHandler? INotifyPropertyChanged.PropertyChanged
    {
        add { }
        remove { }
    }
}
