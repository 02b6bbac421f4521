using RuralMarket.Domain.Notices;

namespace RuralMarket.Domain.Tests.Notices;

public class SmsTextTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Plain_text_is_gsm7_at_160_characters_and_153_per_part(int length, int segments) =>
        Assert.Equal((SmsEncoding.Gsm7, segments), (SmsText.Of(new string('a', length)).Encoding, SmsText.Of(new string('a', length)).Segments));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Accented_text_is_ucs2_at_70_characters_and_67_per_part(int length, int segments)
    {
        var text = SmsText.Of(new string('ơ', length));
        Assert.Equal((SmsEncoding.Ucs2, segments), (text.Encoding, text.Segments));
    }

    [Fact]
    public void The_extension_characters_take_two_septets()
    {
        Assert.Equal(1, SmsText.Of(new string('€', 80)).Segments);
        Assert.Equal(2, SmsText.Of(new string('€', 81)).Segments);
        Assert.Equal((SmsEncoding.Gsm7, 1), (SmsText.Of("Gia [150.000d]").Encoding, SmsText.Of("Gia [150.000d]").Segments));
        Assert.Equal(SmsEncoding.Ucs2, SmsText.Of("Giá [150.000đ]").Encoding);
    }

    [Fact]
    public void A_short_accented_message_keeps_its_diacritics()
    {
        var text = SmsText.Choose("Đơn RM1A2B3C đã giao. Cảm ơn bạn!");
        Assert.Equal(("Đơn RM1A2B3C đã giao. Cảm ơn bạn!", SmsEncoding.Ucs2, 1), (text.Text, text.Encoding, text.Segments));
    }

    [Fact]
    public void A_longer_one_is_sent_unaccented_in_one_message_instead_of_two()
    {
        const string accented = "RuralMarket: Đơn RM1A2B3C của HTX Vi Hương đã được đặt. Theo dõi đơn tại https://ruralmarket.vn/orders/abcdefghij";
        var text = SmsText.Choose(accented);
        Assert.Equal(2, SmsText.Of(accented).Segments);
        Assert.Equal(("RuralMarket: Don RM1A2B3C cua HTX Vi Huong da duoc dat. Theo doi don tai https://ruralmarket.vn/orders/abcdefghij", SmsEncoding.Gsm7, 1),
            (text.Text, text.Encoding, text.Segments));
    }

    [Fact]
    public void Unaccenting_that_saves_nothing_keeps_the_accents()
    {
        var accented = string.Concat(Enumerable.Repeat("Miến dong Vi Hương ngon. ", 20)); // 500 characters: 4 plain parts, 8 accented
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Choose(accented).Encoding);
        var emoji = "Cảm ơn 🌾 " + new string('a', 80); // the emoji is no GSM-7 character either way
        Assert.Equal((SmsEncoding.Ucs2, emoji), (SmsText.Choose(emoji).Encoding, SmsText.Choose(emoji).Text));
    }
}
