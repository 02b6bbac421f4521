using RuralMarket.Domain.Notices;

namespace RuralMarket.Notices;

/// <summary>One message as a channel sends it. <see cref="Id"/> goes to the gateway as its request id, so a resend after a lost answer can be recognised.</summary>
public sealed record OutgoingNotice(Guid Id, NoticeKind Kind, string Recipient, string Text, IReadOnlyDictionary<string, string> Fields);

/// <summary>What the gateway said: sent (with its id for the message), or failed, and whether trying again could help.</summary>
public sealed record NoticeDelivery(bool Sent, string ProviderId, string Error, bool Permanent)
{
    public static NoticeDelivery Accepted(string providerId) => new(true, providerId, string.Empty, false);

    public static NoticeDelivery TryAgain(string error) => new(false, string.Empty, Shorten(error), false);

    public static NoticeDelivery Refused(string error) => new(false, string.Empty, Shorten(error), true);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}

/// <summary>The notices port: a way to reach people (SMS brandname, Zalo ZNS, e-mail). Each adapter is off until configured.</summary>
public interface INoticeChannel
{
    /// <summary><c>sms</c>, <c>zalo</c> or <c>email</c>: stored with each notice.</summary>
    string Name { get; }

    bool IsOn { get; }

    /// <summary>Whether this channel can carry this kind of notice to this recipient (a phone, or an e-mail address).</summary>
    bool Reaches(string recipient, NoticeKind kind);

    Task<NoticeDelivery> SendAsync(OutgoingNotice notice, CancellationToken cancellationToken);
}
