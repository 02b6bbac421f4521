namespace RuralMarket.Data.Reminders;

/// <summary>
/// One Orleans reminder as our own reminder table keeps it: which grain, its name, when it first fires and how often.
/// <see cref="GrainHash"/> is the grain's uniform hash, so each silo reads only the reminders of its ring range.
/// </summary>
public sealed class GrainReminderRow
{
    public string ServiceId { get; set; } = string.Empty;

    public string GrainId { get; set; } = string.Empty;

    public string ReminderName { get; set; } = string.Empty;

    public long GrainHash { get; set; }

    public DateTimeOffset StartAt { get; set; }

    public long PeriodMs { get; set; }

    public string Etag { get; set; } = string.Empty;
}
