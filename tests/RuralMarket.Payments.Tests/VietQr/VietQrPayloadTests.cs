using RuralMarket.Domain.Shared;
using RuralMarket.Payments.VietQr;

namespace RuralMarket.Payments.Tests.VietQr;

public class VietQrPayloadTests
{
    private static readonly VietQrAccount VietinBank = new("970415", "0011001932418", "HTX NÔNG NGHIỆP VI HƯƠNG", "VietinBank");

    [Fact]
    public void The_payload_matches_the_published_test_vector_byte_for_byte()
    {
        Assert.Equal(
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C",
            VietQrPayload.For(VietinBank, Money.FromDong(120_000), "ung ho lu lut"));
    }

    [Theory]
    [InlineData("123456789", 0x29B1)] // CRC-16/CCITT-FALSE's check value
    [InlineData("", 0xFFFF)]
    public void The_checksum_is_CRC_16_CCITT_FALSE(string text, int expected) => Assert.Equal(expected, VietQrPayload.Crc16(text));

    [Theory]
    [InlineData("Đơn RMQ5YNGYCV", "Don RMQ5YNGYCV")]
    [InlineData("  RM7KQ2ABCD!!  ", "RM7KQ2ABCD")]
    [InlineData("Đặc sản   Bắc Kạn", "Dac san Bac Kan")]
    [InlineData("RMQ5YNGYCV", "RMQ5YNGYCV")]
    public void A_memo_is_folded_to_plain_letters_digits_and_single_spaces(string memo, string plain) =>
        Assert.Equal(plain, VietQrPayload.PlainMemo(memo));

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("Thanh toan don hang RMQ5YNGYCV")] // over 19: a bank could cut the order code off
    public void A_memo_with_nothing_plain_or_too_long_is_refused(string memo) =>
        Assert.Equal("vietqr.memo", Assert.Throws<DomainException>(() => VietQrPayload.For(VietinBank, Money.FromDong(1), memo)).Code);

    [Fact]
    public void A_request_for_nothing_or_to_a_malformed_account_is_refused()
    {
        Assert.Equal("vietqr.amount", Assert.Throws<DomainException>(() => VietQrPayload.For(VietinBank, Money.Zero, "RM1")).Code);
        Assert.Equal("vietqr.bin", Assert.Throws<DomainException>(() => new VietQrAccount("97041", "0011001932418", "A", "B")).Code);
        Assert.Equal("vietqr.account", Assert.Throws<DomainException>(() => new VietQrAccount("970415", "00-11", "A", "B")).Code);
    }
}
