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

    [Fact]
    public void A_household_edit_with_a_bad_phone_changes_nothing_and_a_good_one_is_stored_in_national_form()
    {
        var cooperative = Register();
        var id = Guid.NewGuid();
        cooperative.AddHousehold(id, "Hoàng Văn Thụ", "Thôn Nà Hán", "Củ dong riềng", null, Builders.Now);

        Assert.Equal("household.phone.invalid", Assert.Throws<DomainException>(() =>
            cooperative.ReviseHousehold(id, "Hoàng Văn Thụ (con)", "Thôn Nà Hán", "", "12345", Builders.Now)).Code);
        Assert.Equal("Hoàng Văn Thụ", cooperative.Households[0].HeadName);

        cooperative.ReviseHousehold(id, "Hoàng Văn Thụ", "Thôn Khuổi Trang", "Mật ong", "+84 912 345 678", Builders.Now);
        Assert.Equal(("Thôn Khuổi Trang", "0912345678"), (cooperative.Households[0].Village, cooperative.Households[0].Phone));
    }

    [Fact]
    public void Producers_must_be_active_members()
    {
        var cooperative = Register();
        var member = Guid.NewGuid();
        var leaver = Guid.NewGuid();
        cooperative.AddHousehold(member, "Hoàng Văn Thụ", "", "", null, Builders.Now);
        cooperative.AddHousehold(leaver, "Lý Thị Mai", "", "", null, Builders.Now);
        cooperative.DeactivateHousehold(leaver, Builders.Now);

        cooperative.RequireActiveMembers([member]);
        Assert.Equal("product.producer_not_member", Assert.Throws<DomainException>(() => cooperative.RequireActiveMembers([member, leaver])).Code);
        Assert.Equal("product.producer_not_member", Assert.Throws<DomainException>(() => cooperative.RequireActiveMembers([Guid.NewGuid()])).Code);
        cooperative.ReactivateHousehold(leaver, Builders.Now);
        cooperative.RequireActiveMembers([member, leaver]);
    }

    [Fact]
    public void A_verified_cooperative_keeps_its_name_and_number_but_updates_its_contact()
    {
        var cooperative = Register();
        var address = new Address("TN", "Xã Phủ Thông", "Thôn Nà Hán");
        cooperative.ReviseProfile("HTX Vi Hương", "1302000124", address, "0209 3876 543", null, Builders.Now);
        cooperative.Verify(Builders.Now);

        Assert.Equal("cooperative.identity_locked", Assert.Throws<DomainException>(() =>
            cooperative.ReviseProfile("HTX Khác", "1302000124", address, "0912345678", null, Builders.Now)).Code);
        Assert.Equal("cooperative.email.invalid", Assert.Throws<DomainException>(() =>
            cooperative.ReviseProfile("HTX Vi Hương", "1302000124", address, "0912345678", "khong-phai-email", Builders.Now)).Code);
        cooperative.ReviseProfile("HTX Vi Hương", "1302000124", address, "0912 345 678", "htx@example.vn", Builders.Now);

        Assert.Equal(("HTX Vi Hương", "0912345678", "htx@example.vn"), (cooperative.Name, cooperative.ContactPhone, cooperative.ContactEmail));
    }

    [Theory]
    [InlineData("999999", "0123456789", "HTX VI HUONG", "payout.bank.unknown")]
    [InlineData("970405", "12345", "HTX VI HUONG", "payout.account_number.invalid")]
    [InlineData("970405", "12345678901234567890", "HTX VI HUONG", "payout.account_number.invalid")]
    [InlineData("970405", "8800 20512 abc", "HTX VI HUONG", "payout.account_number.invalid")]
    [InlineData("970405", "8800205123456", " ", "payout.holder_name.required")]
    public void A_payout_account_needs_a_listed_bank_and_a_real_account_number(string bin, string number, string holder, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainException>(() => new PayoutAccount(bin, number, holder)).Code);
    }

    [Fact]
    public void A_payout_account_is_kept_as_the_bank_prints_it()
    {
        var cooperative = Register();
        cooperative.PayInto(new PayoutAccount("970405", "8800 205.123-456", "Hợp tác xã Vi Hương"), Builders.Now);

        Assert.Equal(("Agribank", "8800205123456", "HỢP TÁC XÃ VI HƯƠNG"),
            (cooperative.Payout!.Bank!.ShortName, cooperative.Payout.AccountNumber, cooperative.Payout.HolderName));
    }
}
