namespace RuralMarket.Domain.Shared;

/// <summary>Vietnam keeps UTC+7 all year; certificates and other dates expire by its calendar, not the server's.</summary>
public static class VietnamCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
