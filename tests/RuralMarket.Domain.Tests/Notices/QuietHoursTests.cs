using RuralMarket.Domain.Notices;

namespace RuralMarket.Domain.Tests.Notices;

/// <summary>Decree 91/2020: what is not urgent waits for 07:00 Vietnam time; what is urgent goes at once.</summary>
public sealed class QuietHoursTests
{
    private static DateTimeOffset Vietnam(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(4, 7, 0)]
    [InlineData(4, 12, 0)]
    [InlineData(4, 21, 59)]
    public void By_day_anything_goes_at_once(int day, int hour, int minute) =>
        Assert.Equal(Vietnam(day, hour, minute), QuietHours.EarliestSend(NoticeKind.Delivered, Vietnam(day, hour, minute)));

    [Fact]
    public void Late_in_the_evening_a_notice_that_is_not_urgent_waits_for_the_next_morning() =>
        Assert.Equal(Vietnam(5, 7, 0), QuietHours.EarliestSend(NoticeKind.NewOrder, Vietnam(4, 22, 0)));

    [Fact]
    public void Before_seven_it_waits_for_seven_the_same_day() =>
        Assert.Equal(Vietnam(4, 7, 0), QuietHours.EarliestSend(NoticeKind.LowStock, Vietnam(4, 6, 59)));

    [Fact]
    public void The_time_is_vietnams_whatever_the_servers_offset()
    {
        var utcNight = new DateTimeOffset(2026, 12, 4, 16, 30, 0, TimeSpan.Zero); // 23:30 in Vietnam

        Assert.Equal(Vietnam(5, 7, 0), QuietHours.EarliestSend(NoticeKind.OrderShipped, utcNight));
    }

    [Theory]
    [MemberData(nameof(UrgentKinds))]
    public void Urgent_notices_go_at_night_too(string kind)
    {
        var night = Vietnam(4, 23, 30);

        Assert.Equal(night, QuietHours.EarliestSend(NoticeKind.Named(kind)!, night));
    }

    public static TheoryData<string> UrgentKinds => new(NoticeKind.All.Where(k => k.Urgent).Select(k => k.Name));
}
