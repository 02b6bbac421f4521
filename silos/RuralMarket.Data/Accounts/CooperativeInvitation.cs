namespace RuralMarket.Data.Accounts;

/// <summary>
/// A manager's (or admin's) offer of access to an account, waiting for that account's owner to accept it after signing
/// in. Nobody is added to a team without their consent; until accepted it grants nothing.
/// </summary>
public sealed class CooperativeInvitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    private CooperativeInvitation()
    {
    }

    public CooperativeInvitation(Guid cooperativeId, Guid accountId, AccessRole role, string name, string signInName, Guid invitedBy, DateTimeOffset invitedAt)
    {
        CooperativeId = cooperativeId;
        AccountId = accountId;
        Role = role;
        Name = name;
        SignInName = signInName;
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
        ExpiresAt = invitedAt + ValidFor;
    }

    public long Id { get; private set; }

    public Guid CooperativeId { get; private set; }

    public Guid AccountId { get; private set; }

    public AccessRole Role { get; private set; }

    /// <summary>The name the inviter typed; the team page shows it until the invitation is accepted.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The sign-in name the inviter typed, in canonical form.</summary>
    public string SignInName { get; private set; } = string.Empty;

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Inviting again renews the offer (new role, new name, seven more days) instead of adding a second one.</summary>
    public void Renew(AccessRole role, string name, Guid invitedBy, DateTimeOffset now)
    {
        Role = role;
        Name = name;
        InvitedBy = invitedBy;
        InvitedAt = now;
        ExpiresAt = now + ValidFor;
    }
}
