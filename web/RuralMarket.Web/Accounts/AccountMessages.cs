using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Notices;
using RuralMarket.Notices;

namespace RuralMarket.Web.Accounts;

/// <summary>
/// A short message to the phone or e-mail an account signs in with: how a registration proves it holds that name.
/// </summary>
public interface IAccountMessages
{
    Task SendAsync(string userName, string text, CancellationToken cancellationToken);
}

/// <summary>
/// Sends it at once through the notices' channel for that name (SMS or Zalo for a phone, e-mail for an address),
/// not through the outbox: nothing is stored before the code is confirmed. Where that channel is not configured (the
/// embedded default) the message is written to the console log, marked as such, for whoever runs the platform on one
/// machine to read, as the demo accounts' passwords are.
/// </summary>
internal sealed partial class NoticeAccountMessages(NoticeChannels channels, ILogger<NoticeAccountMessages> logger) : IAccountMessages
{
    public async Task SendAsync(string userName, string text, CancellationToken cancellationToken)
    {
        var channel = channels.For(userName, NoticeKind.AccountCode);
        if (channel is not { IsOn: true })
        {
            Logged(logger, userName, text);
            return;
        }
        var fields = new Dictionary<string, string> { ["text"] = text };
        var delivery = await channel.SendAsync(new OutgoingNotice(Guid.NewGuid(), NoticeKind.AccountCode, userName, channel.Name == "sms" ? SmsText.Choose(text).Text : text, fields), cancellationToken);
        if (!delivery.Sent)
        {
            Failed(logger, userName, channel.Name, delivery.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MESSAGE TO {UserName} (no SMS or e-mail sender is configured, so it is only logged): {Text}")]
    private static partial void Logged(ILogger logger, string userName, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message to {UserName} by {Channel} was not sent: {Error}")]
    private static partial void Failed(ILogger logger, string userName, string channel, string error);
}
