using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using RuralMarket.Domain.Notices;

namespace RuralMarket.Notices.Email;

/// <summary>
/// E-mail through SMTP (MailKit). The subject names the order or product; the body its whole text, with its
/// diacritics. The Message-Id is made from the notice's id, so a message sent twice after a lost answer is recognisably one.
/// </summary>
public sealed class EmailNotices(IOptions<EmailOptions> options) : INoticeChannel
{
    public string Name => "email";

    public bool IsOn => options.Value.Enabled;

    public bool Reaches(string recipient, NoticeKind kind) => recipient.Contains('@', StringComparison.Ordinal) && MailboxAddress.TryParse(recipient, out _);

    public async Task<NoticeDelivery> SendAsync(OutgoingNotice notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            Subject = SubjectOf(notice),
            Body = new TextPart("plain") { Text = notice.Text },
            MessageId = $"{notice.Id:N}@notices.ruralmarket",
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(notice.Recipient));
        using var smtp = new SmtpClient { Timeout = 15_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, SecurityOf(settings.Security), cancellationToken);
            if (settings.UserName.Length > 0)
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
            }
            var answer = await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return NoticeDelivery.Accepted(string.IsNullOrWhiteSpace(answer) ? message.MessageId : answer.Trim());
        }
        catch (SmtpCommandException e) when (e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed or SmtpStatusCode.UserNotLocalTryAlternatePath)
        {
            return NoticeDelivery.Refused($"SMTP {(int)e.StatusCode}: {e.Message}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                      or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return NoticeDelivery.TryAgain($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string SubjectOf(OutgoingNotice notice) =>
        notice.Fields.TryGetValue("order_code", out var code) ? $"RuralMarket: đơn {code}"
        : notice.Fields.TryGetValue("product", out var product) ? $"RuralMarket: {product}"
        : "RuralMarket";

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
