using RuralMarket.Domain.Notices;
using RuralMarket.Testing.Notices;

namespace RuralMarket.Notices.Tests;

public sealed class ZaloNoticesTests : IDisposable
{
    private readonly FakeZalo _zalo = new();

    public void Dispose() => _zalo.Dispose();

    private NoticeChannels Channels() => Tests.Channels.From(new Dictionary<string, string?>
    {
        ["Notices:Zalo:Enabled"] = "true", ["Notices:Zalo:BaseUrl"] = _zalo.BaseUrl, ["Notices:Zalo:AccessToken"] = FakeZalo.AccessToken,
        ["Notices:Zalo:Templates:order.placed"] = "231118",
    });

    [Fact]
    public async Task Sends_the_template_with_the_notices_fields_to_the_phone_in_international_form()
    {
        var zalo = Channels().For("0912345678", NoticeKind.OrderPlaced)!;
        var notice = new OutgoingNotice(Guid.NewGuid(), NoticeKind.OrderPlaced, "0912345678", "ignored by ZNS",
            new Dictionary<string, string> { ["order_code"] = "DH1", ["amount"] = "150.000 đ" });

        var delivery = await zalo.SendAsync(notice, CancellationToken.None);

        Assert.Equal("zalo", zalo.Name);
        Assert.True(delivery.Sent);
        var (headers, body) = Assert.Single(_zalo.RequestsTo(FakeZalo.SendPath));
        Assert.Equal(FakeZalo.AccessToken, headers["access_token"].Single());
        Assert.Equal("84912345678", body.GetProperty("phone").GetString());
        Assert.Equal("231118", body.GetProperty("template_id").GetString());
        Assert.Equal("150.000 đ", body.GetProperty("template_data").GetProperty("amount").GetString());
        Assert.Equal(notice.Id.ToString("N"), body.GetProperty("tracking_id").GetString());
    }

    [Fact]
    public void A_kind_without_a_template_goes_by_sms_and_an_email_by_email()
    {
        var channels = Channels();

        Assert.Equal("sms", channels.For("0912345678", NoticeKind.Delivered)!.Name);
        Assert.Equal("email", channels.For("lan@example.vn", NoticeKind.OrderPlaced)!.Name);
        Assert.Null(channels.For("not a phone", NoticeKind.OrderPlaced));
    }

    [Fact]
    public async Task A_zalo_error_is_a_refusal_with_its_code()
    {
        _zalo.WillAnswer(-118, "Zalo account not existed");
        var notice = new OutgoingNotice(Guid.NewGuid(), NoticeKind.OrderPlaced, "0912345678", "x", new Dictionary<string, string>());

        var delivery = await Channels().For("0912345678", NoticeKind.OrderPlaced)!.SendAsync(notice, CancellationToken.None);

        Assert.Equal((false, true), (delivery.Sent, delivery.Permanent));
        Assert.Contains("-118", delivery.Error, StringComparison.Ordinal);
    }
}
