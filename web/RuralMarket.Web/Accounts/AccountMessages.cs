using Microsoft.Extensions.Logging;

namespace RuralMarket.Web.Accounts;

/// <summary>
/// A short message to the phone or e-mail an account signs in with: how a registration proves it holds that name.
/// The notices issue brings SMS, Zalo and e-mail senders; until then <see cref="LoggedAccountMessages"/> is the only one.
/// </summary>
public interface IAccountMessages
{
    Task SendAsync(string userName, string text, CancellationToken cancellationToken);
}

/// <summary>
/// The embedded default's outlet: writes each message to the console log, marked as such, for whoever runs the
/// platform on one machine to read (as the demo accounts' passwords are). Not a way to reach real people.
/// </summary>
internal sealed partial class LoggedAccountMessages(ILogger<LoggedAccountMessages> logger) : IAccountMessages
{
    public Task SendAsync(string userName, string text, CancellationToken cancellationToken)
    {
        Sent(logger, userName, text);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MESSAGE TO {UserName} (no SMS or e-mail sender is configured, so it is only logged): {Text}")]
    private static partial void Sent(ILogger logger, string userName, string text);
}
