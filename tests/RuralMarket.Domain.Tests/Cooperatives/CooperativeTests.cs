using RuralMarket.Domain.Cooperatives;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Tests.Cooperatives;

public class CooperativeTests
{
    private static Cooperative Register() =>
        Cooperative.Register(Guid.NewGuid(), "htx-vi-huong", "HTX Nông nghiệp Vi Hương", "1302000123",
            new Address("TN", "Xã Phủ Thông", "Thôn Nà Hán"), "Miến dong **Vi Hương**", Builders.Now);

    [Fact]
    public void A_new_cooperative_waits_for_verification()
    {
        var cooperative = Register();
        Assert.Equal(VerificationStatus.Pending, cooperative.Verification);
        cooperative.Verify(Builders.Now);
        Assert.Equal(VerificationStatus.Verified, cooperative.Verification);
        Assert.Equal("cooperative.already_verified", Assert.Throws<DomainException>(() => cooperative.Verify(Builders.Now)).Code);
    }

    [Fact]
    public void Rejection_needs_a_reason()
    {
        var cooperative = Register();
        Assert.Throws<DomainException>(() => cooperative.Reject(" ", Builders.Now));
        cooperative.Reject("Thiếu giấy chứng nhận đăng ký", Builders.Now);
        Assert.Equal(VerificationStatus.Rejected, cooperative.Verification);
    }

    [Fact]
    public void Households_join_and_can_be_deactivated_but_not_added_twice()
    {
        var cooperative = Register();
        var id = Guid.NewGuid();
        cooperative.AddHousehold(id, "Hoàng Văn Thụ", "Thôn Nà Hán", "Củ dong riềng", null, Builders.Now);
        Assert.True(cooperative.HasActiveHousehold(id));
        Assert.Equal("household.duplicate", Assert.Throws<DomainException>(() =>
            cooperative.AddHousehold(id, "Khác", "", "", null, Builders.Now)).Code);
        cooperative.DeactivateHousehold(id, Builders.Now);
        Assert.False(cooperative.HasActiveHousehold(id));
        Assert.Equal("household.not_found", Assert.Throws<DomainException>(() => cooperative.DeactivateHousehold(Guid.NewGuid(), Builders.Now)).Code);
    }

    [Fact]
    public void A_story_over_the_limit_is_refused()
    {
        var cooperative = Register();
        Assert.Equal("cooperative.story.too_long", Assert.Throws<DomainException>(() =>
            cooperative.TellStory(new string('x', Cooperative.MaxStoryLength + 1), Builders.Now)).Code);
        Assert.Equal("Miến dong **Vi Hương**", cooperative.Story);
    }
}
