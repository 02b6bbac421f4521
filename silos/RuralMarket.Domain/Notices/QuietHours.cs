using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Notices;

/// <summary>
/// Decree 91/2020: messages that are not urgent go out only between 07:00 and 22:00, Vietnam time. Something
/// urgent for the person it reaches (the parcel is at the door, a failed attempt, the order they just placed) goes at once.
/// </summary>
public static class QuietHours
{
    public static readonly TimeOnly Opens = new(7, 0);
    public static readonly TimeOnly Closes = new(22, 0);

    public static DateTimeOffset EarliestSend(NoticeKind kind, DateTimeOffset now)
    {
        var local = now.ToOffset(VietnamCalendar.Offset);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (kind.Urgent || (time >= Opens && time < Closes))
        {
            return now;
        }
        var day = DateOnly.FromDateTime(local.DateTime);
        var opening = time >= Closes ? day.AddDays(1) : day;
        return new DateTimeOffset(opening.ToDateTime(Opens), VietnamCalendar.Offset).ToUniversalTime();
    }
}
