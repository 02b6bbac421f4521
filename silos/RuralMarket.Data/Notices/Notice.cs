namespace RuralMarket.Data.Notices;

/// <summary>Where a notice stands. Stored by these names.</summary>
public static class NoticeState
{
    /// <summary>Waiting for its time (quiet hours) or its first attempt.</summary>
    public const string Pending = "pending";

    public const string Sent = "sent";

    /// <summary>The last attempt failed; it is tried again at <see cref="Notice.NotBefore"/>.</summary>
    public const string Failed = "failed";

    /// <summary>Failed too often, or refused for good by the gateway: waits for an admin on <c>/admin/notices</c>.</summary>
    public const string Parked = "parked";

    /// <summary>Not sent: the recipient asked not to get messages.</summary>
    public const string OptedOut = "opted_out";
}

/// <summary>
/// One message to one recipient over one channel, kept once per <see cref="Key"/>, channel and recipient, so an
/// event handled twice (or the same fact raised twice) sends one message. Written only by the silo's notice handler
/// and sender, never by a grain: notices decide nothing about an order.
/// </summary>
public sealed class Notice
{
    private Notice()
    {
        Key = Kind = Channel = Recipient = Text = Fields = State = LastError = ProviderId = string.Empty;
    }

    public Notice(Guid id, string key, string kind, string channel, string recipient, string text, string fields, int segments, DateTimeOffset createdAt, DateTimeOffset notBefore)
    {
        Id = id;
        Key = key;
        Kind = kind;
        Channel = channel;
        Recipient = recipient;
        Text = text;
        Fields = fields;
        Segments = segments;
        CreatedAt = createdAt;
        NotBefore = notBefore;
        State = NoticeState.Pending;
        LastError = ProviderId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; }

    public string Kind { get; private set; }

    /// <summary><c>sms</c>, <c>zalo</c> or <c>email</c>.</summary>
    public string Channel { get; private set; }

    /// <summary>A phone number in the national form, or an e-mail address in lower case.</summary>
    public string Recipient { get; private set; }

    /// <summary>The text as it goes out: for SMS with or without diacritics, whichever costs fewer messages.</summary>
    public string Text { get; private set; }

    /// <summary>The facts as JSON, for template channels.</summary>
    public string Fields { get; private set; }

    /// <summary>SMS messages the text costs (0 for other channels).</summary>
    public int Segments { get; private set; }

    public string State { get; private set; }

    public int Attempts { get; private set; }

    public string LastError { get; private set; }

    /// <summary>The gateway's id for the message (or <c>log</c> where no gateway is configured).</summary>
    public string ProviderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not sent before this: quiet hours, or the back-off after a failure.</summary>
    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Until when one sender holds it, so two silos never send it at once.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }
}
