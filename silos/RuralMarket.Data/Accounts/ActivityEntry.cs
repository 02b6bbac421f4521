namespace RuralMarket.Data.Accounts;

/// <summary>
/// One thing someone did for a cooperative in the portal, shown to its manager: "helper X for cooperative Y
/// published product Z". Written in the same transaction as the change it records.
/// </summary>
public sealed class ActivityEntry
{
    private ActivityEntry()
    {
    }

    public ActivityEntry(Guid cooperativeId, Guid accountId, string accountName, string actingAs, string action, string subject, DateTimeOffset at)
    {
        CooperativeId = cooperativeId;
        AccountId = accountId;
        AccountName = accountName;
        ActingAs = actingAs;
        Action = action;
        Subject = subject.Length > 300 ? subject[..300] : subject;
        At = at;
    }

    public long Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid AccountId { get; private set; }

    public string AccountName { get; private set; } = string.Empty;

    /// <summary>The role the account acted in: manager, helper or admin.</summary>
    public string ActingAs { get; private set; } = string.Empty;

    /// <summary>A stable code (<c>product.published</c>) the log page turns into words.</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>What it was done to, as shown then (a product's name, an order's code).</summary>
    public string Subject { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }
}
