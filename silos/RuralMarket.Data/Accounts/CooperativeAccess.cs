namespace RuralMarket.Data.Accounts;

public enum AccessRole
{
    Manager,
    Helper,
}

/// <summary>That an account may act for a cooperative, and as what. Granted by an admin, or by the cooperative's manager to a helper.</summary>
public sealed class CooperativeAccess
{
    private CooperativeAccess()
    {
    }

    public CooperativeAccess(Guid accountId, Guid cooperativeId, AccessRole role, Guid? grantedBy, DateTimeOffset grantedAt)
    {
        AccountId = accountId;
        CooperativeId = cooperativeId;
        Role = role;
        GrantedBy = grantedBy;
        GrantedAt = grantedAt;
        ReceivesNotices = role == AccessRole.Manager;
    }

    public long Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid CooperativeId { get; private set; }

    public AccessRole Role { get; private set; }

    /// <summary>Null when the platform granted it (a cooperative's registration makes its first manager).</summary>
    public Guid? GrantedBy { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    /// <summary>Gets new orders and low stock by SMS or e-mail: managers unless they switch it off, helpers once they switch it on.</summary>
    public bool ReceivesNotices { get; private set; }

    public void SetReceivesNotices(bool receives) => ReceivesNotices = receives;
}
