using System.Text;
using MimeKit;
using netDumbster.smtp;
using RuralMarket.Domain.Notices;

namespace RuralMarket.Notices.Tests;

/// <summary>E-mail through MailKit to a fake SMTP server (netDumbster) on loopback.</summary>
public sealed class EmailNoticesTests : IDisposable
{
    private readonly int _port = FreePorts.Next();
    private readonly SimpleSmtpServer _smtp;

    public EmailNoticesTests() => _smtp = SimpleSmtpServer.Start(_port);

    public void Dispose() => _smtp.Dispose();

    private INoticeChannel Email(int? port = null) => Channels.From(new Dictionary<string, string?>
    {
        ["Notices:Email:Enabled"] = "true", ["Notices:Email:Host"] = "127.0.0.1", ["Notices:Email:Port"] = (port ?? _port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notices:Email:Security"] = "None", ["Notices:Email:From"] = "RuralMarket <thongbao@ruralmarket.vn>",
    }).For("lan@example.vn", NoticeKind.OrderPlaced)!;

    [Fact]
    public async Task Sends_the_vietnamese_text_with_a_subject_naming_the_order()
    {
        var notice = new OutgoingNotice(Guid.NewGuid(), NoticeKind.OrderPlaced, "lan@example.vn", "RuralMarket: đã nhận đơn DH1, 150.000 đ. Theo dõi đơn: https://ruralmarket.vn/orders/abc",
            new Dictionary<string, string> { ["order_code"] = "DH1" });

        var delivery = await Email().SendAsync(notice, CancellationToken.None);

        Assert.True(delivery.Sent, delivery.Error);
        var received = Assert.Single(_smtp.ReceivedEmail);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("RuralMarket: đơn DH1", message.Subject);
        Assert.Equal("lan@example.vn", message.To.Mailboxes.Single().Address);
        Assert.Equal("thongbao@ruralmarket.vn", message.From.Mailboxes.Single().Address);
        Assert.Equal(notice.Text, message.TextBody?.Trim());
        Assert.Equal($"{notice.Id:N}@notices.ruralmarket", message.MessageId);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_tried_again_later()
    {
        var notice = new OutgoingNotice(Guid.NewGuid(), NoticeKind.OrderPlaced, "lan@example.vn", "x", new Dictionary<string, string>());

        var delivery = await Email(FreePorts.Next()).SendAsync(notice, CancellationToken.None);

        Assert.Equal((false, false), (delivery.Sent, delivery.Permanent));
    }
}
