using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;
using static RuralMarket.Domain.Tests.Builders;

namespace RuralMarket.Domain.Tests.Payments;

public class HouseholdHandoverTests
{
    private static readonly DateOnly Today = VietnamCalendar.DayOf(Now);

    private static (Cooperative Cooperative, Guid HouseholdId) Member()
    {
        var cooperative = Cooperative.Register(Guid.NewGuid(), "htx-vi-huong", "HTX Nông nghiệp Vi Hương", "1302000123",
            new Address("TN", "Xã Phủ Thông", "Thôn Nà Hán"), "Miến dong", Now);
        var id = Guid.NewGuid();
        cooperative.AddHousehold(id, "Hoàng Văn Thụ", "Thôn Nà Hán", "Củ dong riềng", null, Now);
        return (cooperative, id);
    }

    private static HouseholdHandover Record(long dong = 1_500_000, DateOnly? on = null, Guid? householdId = null, HandoverMethod method = HandoverMethod.Cash)
    {
        var (cooperative, member) = Member();
        return HouseholdHandover.Record(Guid.NewGuid(), cooperative, householdId ?? member, Money.FromDong(dong), on ?? Today, method, " Trả tiền miến tháng 11 ", "Nông Thị Hoa", Now);
    }

    [Fact]
    public void A_handover_to_a_member_is_kept_as_entered()
    {
        var handover = Record();
        Assert.Equal((Money.FromDong(1_500_000), Today, HandoverMethod.Cash, "Trả tiền miến tháng 11", "Nông Thị Hoa"),
            (handover.Amount, handover.HandedOn, handover.Method, handover.Note, handover.RecordedBy));
        Assert.False(handover.IsVoided);
    }

    [Theory]
    [InlineData(0, 0, "handover.amount")]
    [InlineData(-5_000, 0, "money.negative")] // Money itself is never below zero
    [InlineData(1_000_000_001, 0, "handover.amount")]
    [InlineData(50_000, 1, "handover.date")] // tomorrow
    [InlineData(50_000, -367, "handover.date")] // more than a year back
    public void An_amount_or_day_out_of_bounds_is_refused(long dong, int days, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => Record(dong, Today.AddDays(days))).Code);

    [Fact]
    public void A_year_back_and_the_largest_amount_are_accepted()
    {
        Assert.Equal(Today.AddDays(-366), Record(on: Today.AddDays(-366)).HandedOn);
        Assert.Equal(HouseholdHandover.MaxAmount, Record(HouseholdHandover.MaxAmount.Dong).Amount);
    }

    [Fact]
    public void Someone_not_a_member_and_a_method_we_do_not_know_are_refused()
    {
        Assert.Equal("handover.not_member", Assert.Throws<DomainException>(() => Record(householdId: Guid.NewGuid())).Code);
        Assert.Equal("handover.method", Assert.Throws<DomainException>(() => Record(method: (HandoverMethod)7)).Code);
    }

    [Fact]
    public void Voiding_needs_a_reason_and_happens_once()
    {
        var handover = Record();
        Assert.Equal("handover.void_reason.required", Assert.Throws<DomainException>(() => handover.Void("  ", Now)).Code);
        Assert.False(handover.IsVoided);

        Assert.True(handover.Void("Ghi nhầm số tiền", Now));
        Assert.False(handover.Void("Lần nữa", Now.AddMinutes(1)));
        Assert.Equal(("Ghi nhầm số tiền", Now), (handover.VoidReason, handover.VoidedAt!.Value));
    }

    [Fact]
    public void The_same_request_is_recognised_and_another_is_not()
    {
        var handover = Record();
        Assert.True(handover.IsSameAs(handover.HouseholdId, Money.FromDong(1_500_000), Today, HandoverMethod.Cash));
        Assert.False(handover.IsSameAs(handover.HouseholdId, Money.FromDong(1_600_000), Today, HandoverMethod.Cash));
        Assert.False(handover.IsSameAs(handover.HouseholdId, Money.FromDong(1_500_000), Today, HandoverMethod.BankTransfer));
    }
}
