using RuralMarket.Domain.Notices;
using RuralMarket.Testing.Notices;

namespace RuralMarket.Notices.Tests;

public sealed class BrandnameSmsTests : IDisposable
{
    private readonly FakeSmsGateway _gateway = new();

    public void Dispose() => _gateway.Dispose();

    private INoticeChannel Sms() => Channels.From(_gateway.Settings).For("0912345678", NoticeKind.OrderPlaced)!;

    private static OutgoingNotice Notice(string text) =>
        new(Guid.NewGuid(), NoticeKind.OrderPlaced, "0912345678", text, new Dictionary<string, string> { ["order_code"] = "DH1" });

    [Fact]
    public async Task Sends_the_gateways_json_with_its_keys_brandname_and_the_notice_as_request_id()
    {
        var notice = Notice("RuralMarket: da nhan don DH1, 150.000 d.");
        var sms = Sms();

        var delivery = await sms.SendAsync(notice, CancellationToken.None);

        Assert.Equal("sms", sms.Name);
        Assert.True(delivery.Sent);
        Assert.NotEmpty(delivery.ProviderId);
        var body = Assert.Single(_gateway.RequestsTo(FakeSmsGateway.SendPath)).Body;
        Assert.Equal(FakeSmsGateway.ApiKey, body.GetProperty("ApiKey").GetString());
        Assert.Equal(FakeSmsGateway.SecretKey, body.GetProperty("SecretKey").GetString());
        Assert.Equal(FakeSmsGateway.Brandname, body.GetProperty("Brandname").GetString());
        Assert.Equal("2", body.GetProperty("SmsType").GetString());
        Assert.Equal("0912345678", body.GetProperty("Phone").GetString());
        Assert.Equal(notice.Text, body.GetProperty("Content").GetString());
        Assert.Equal("0", body.GetProperty("IsUnicode").GetString());
        Assert.Equal(notice.Id.ToString("N"), body.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Text_with_diacritics_goes_as_unicode()
    {
        await Sms().SendAsync(Notice("Đơn DH1 đã giao."), CancellationToken.None);

        var message = Assert.Single(_gateway.SentTo("0912345678"));
        Assert.Equal(("Đơn DH1 đã giao.", "1"), (message.Content, message.IsUnicode));
    }

    [Theory]
    [InlineData("99", false)] // the gateway's own trouble: try again
    [InlineData("103", false)] // balance: try again once topped up
    [InlineData("101", true)] // wrong key: retrying cannot help
    [InlineData("104", true)] // brandname not registered
    public async Task A_refusal_says_whether_trying_again_could_help(string code, bool permanent)
    {
        _gateway.WillAnswer(code);

        var delivery = await Sms().SendAsync(Notice("x"), CancellationToken.None);

        Assert.False(delivery.Sent);
        Assert.Equal(permanent, delivery.Permanent);
        Assert.Contains($"CodeResult {code}", delivery.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_tried_again_later()
    {
        var settings = new Dictionary<string, string?>(_gateway.Settings) { ["Notices:Sms:BaseUrl"] = $"http://127.0.0.1:{FreePorts.Next()}/" };

        var delivery = await Channels.From(settings).For("0912345678", NoticeKind.OrderPlaced)!.SendAsync(Notice("x"), CancellationToken.None);

        Assert.Equal((false, false), (delivery.Sent, delivery.Permanent));
    }

    [Fact]
    public void Without_settings_the_sms_channel_is_chosen_but_off_so_the_sender_only_logs()
    {
        var sms = Channels.From(new Dictionary<string, string?>()).For("0912345678", NoticeKind.OrderPlaced);

        Assert.Equal(("sms", false), (sms!.Name, sms.IsOn));
    }
}
