namespace RuralMarket.Data.Notices;

/// <summary>A phone number or e-mail address that asked for no more messages (Decree 91/2020: opt-out honoured).</summary>
public sealed class NoticeOptOut
{
    private NoticeOptOut()
    {
        Recipient = string.Empty;
    }

    public NoticeOptOut(string recipient, DateTimeOffset optedOutAt)
    {
        Recipient = recipient;
        OptedOutAt = optedOutAt;
    }

    public string Recipient { get; private set; }

    public DateTimeOffset OptedOutAt { get; private set; }
}
