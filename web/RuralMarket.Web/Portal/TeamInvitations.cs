using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Web.Accounts;

namespace RuralMarket.Web.Portal;

/// <summary>An invitation as its invitee sees it on the portal's first page.</summary>
public sealed record InvitationOffer(long Id, string CooperativeName, AccessRole Role, DateTimeOffset ExpiresAt);

/// <summary>
/// Access to a cooperative is offered, then accepted: a manager (or admin) invites a sign-in name, and only its owner,
/// signed in, turns the invitation into access. Inviting answers alike whether or not the name already had an account,
/// so the team form does not tell who has one.
/// </summary>
public sealed class TeamInvitations(RuralMarketDbContext db, StaffAccounts staff, TimeProvider clock)
{
    /// <summary>Invites a sign-in name (creating its account with the first password when there is none); null, or the resource key of why not.</summary>
    public async Task<string?> InviteAsync(PortalCooperative by, string userName, string name, string firstPassword, AccessRole role, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (account, error) = await staff.FindOrCreateAsync(name, userName, firstPassword);
        if (account is null)
        {
            return error;
        }
        if (await db.CooperativeAccess.AnyAsync(a => a.AccountId == account.Id && a.CooperativeId == by.Id, cancellationToken))
        {
            return "error.access.already_granted";
        }
        var now = clock.GetUtcNow();
        var pending = await db.CooperativeInvitations.SingleOrDefaultAsync(i => i.AccountId == account.Id && i.CooperativeId == by.Id, cancellationToken);
        if (pending is null)
        {
            db.CooperativeInvitations.Add(new CooperativeInvitation(by.Id, account.Id, role, name, userName, by.AccountId, now));
        }
        else
        {
            pending.Renew(role, name, by.AccountId, now);
        }
        db.ActivityLog.Add(by.Activity($"access.invited.{RoleName(role)}", name, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The invitations waiting for this account, newest first; expired ones are not offered.</summary>
    public async Task<IReadOnlyList<InvitationOffer>> OffersForAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var offers = await (from invitation in db.CooperativeInvitations.AsNoTracking()
                            join cooperative in db.Cooperatives.AsNoTracking() on invitation.CooperativeId equals cooperative.Id
                            where invitation.AccountId == accountId
                            select new InvitationOffer(invitation.Id, cooperative.Name, invitation.Role, invitation.ExpiresAt))
            .ToListAsync(cancellationToken);
        return [.. offers.Where(o => o.ExpiresAt > now).OrderByDescending(o => o.ExpiresAt)];
    }

    /// <summary>The account's owner accepts: the access exists from now on. False when there is no such offer for this account (or it expired).</summary>
    public async Task<bool> AcceptAsync(long invitationId, Account invitee, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var invitation = await db.CooperativeInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.AccountId == invitee.Id, cancellationToken);
        if (invitation is null || invitation.ExpiresAt <= now)
        {
            return false;
        }
        if (!await db.CooperativeAccess.AnyAsync(a => a.AccountId == invitee.Id && a.CooperativeId == invitation.CooperativeId, cancellationToken))
        {
            db.CooperativeAccess.Add(new CooperativeAccess(invitee.Id, invitation.CooperativeId, invitation.Role, invitation.InvitedBy, now));
        }
        var roleName = RoleName(invitation.Role);
        await staff.GiveRoleAsync(invitee, roleName);
        db.CooperativeInvitations.Remove(invitation);
        var cooperativeName = await db.Cooperatives.Where(c => c.Id == invitation.CooperativeId).Select(c => c.Name).SingleAsync(cancellationToken);
        db.ActivityLog.Add(new ActivityEntry(invitation.CooperativeId, invitee.Id, invitee.DisplayName, roleName, $"access.granted.{roleName}",
            cooperativeName, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The invitee says no; false when there is no such offer for this account.</summary>
    public async Task<bool> DeclineAsync(long invitationId, Guid inviteeId, CancellationToken cancellationToken) =>
        await db.CooperativeInvitations.Where(i => i.Id == invitationId && i.AccountId == inviteeId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The cooperative takes its offer back; false when the cooperative made no such offer.</summary>
    public async Task<bool> WithdrawAsync(long invitationId, PortalCooperative by, CancellationToken cancellationToken)
    {
        var invitation = await db.CooperativeInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CooperativeId == by.Id, cancellationToken);
        if (invitation is null)
        {
            return false;
        }
        db.CooperativeInvitations.Remove(invitation);
        db.ActivityLog.Add(by.Activity("access.invitation_withdrawn", invitation.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string RoleName(AccessRole role) => role == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper;
}
