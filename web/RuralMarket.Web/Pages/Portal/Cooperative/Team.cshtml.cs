using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Shared;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Portal;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>Someone who may act for the cooperative, as the team page lists them.</summary>
public sealed record TeamMember(long AccessId, string Name, string SignInName, AccessRole Role, DateTimeOffset GrantedAt, bool IsSelf);

/// <summary>An invitation the cooperative sent that is waiting to be accepted.</summary>
public sealed record PendingInvitation(long Id, string Name, string SignInName, AccessRole Role, DateTimeOffset ExpiresAt);

/// <summary>Who is invited: a phone or e-mail, the name to show, and a first password used only if it has no account yet.</summary>
public sealed class GrantForm
{
    public static readonly IReadOnlyDictionary<string, string> FieldOfCode = new Dictionary<string, string>
    {
        ["account.display_name"] = nameof(DisplayName), ["account"] = nameof(SignInName),
    };

    public string? DisplayName { get; set; }

    public string? SignInName { get; set; }

    public string? Password { get; set; }

    public string? Role { get; set; }
}

/// <summary>
/// The cooperative's team. Its manager invites and revokes digital helpers; an admin may also invite or revoke managers.
/// An invitation gives nothing until the invitee accepts it after signing in (<see cref="TeamInvitations"/>); a
/// sign-in name without an account gets one with the first password the inviter hands over in person.
/// </summary>
public sealed class TeamModel(RuralMarketDbContext db, TeamInvitations invitations, TimeProvider clock) : PortalPageModel
{
    [BindProperty]
    public GrantForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public IReadOnlyList<PendingInvitation> Invitations { get; private set; } = [];

    public bool MayGrantManagers => Cooperative.ActingAs == AccountRoles.Admin;

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = Errors.Named<AccessRole>(Form.Role, nameof(GrantForm.Role));
        if (role == AccessRole.Manager && !MayGrantManagers)
        {
            Errors.Add(nameof(GrantForm.Role), "error.access.manager_by_admin");
        }
        var userName = Errors.Capture(() => SignInNames.UserNameOf(Form.SignInName), GrantForm.FieldOfCode);
        var name = Errors.Capture(() => DomainText.Require(Form.DisplayName, "account.display_name", 100), GrantForm.FieldOfCode);
        if (string.IsNullOrEmpty(Form.Password))
        {
            Errors.Add(nameof(GrantForm.Password), "error.access.first_password");
        }
        if (!Errors.IsEmpty || role is not { } invited || userName is null || name is null)
        {
            return await ProblemAsync(cancellationToken);
        }
        if (await invitations.InviteAsync(Cooperative, userName, name, Form.Password!, invited, cancellationToken) is { } refusal)
        {
            Errors.Add(refusal == "error.access.weak_password" ? nameof(GrantForm.Password) : nameof(GrantForm.SignInName), refusal);
            return await ProblemAsync(cancellationToken);
        }
        return Redirect($"/portal/{Cooperative.Slug}/team?done=invited");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long invitationId, CancellationToken cancellationToken) =>
        await invitations.WithdrawAsync(invitationId, Cooperative, cancellationToken)
            ? Redirect($"/portal/{Cooperative.Slug}/team?done=withdrawn")
            : NotFound();
    public async Task<IActionResult> OnPostRevokeAsync(long accessId, CancellationToken cancellationToken)
    {
        var access = await db.CooperativeAccess.SingleOrDefaultAsync(a => a.Id == accessId && a.CooperativeId == Cooperative.Id, cancellationToken);
        if (access is null)
        {
            return NotFound();
        }
        if (access.AccountId == Cooperative.AccountId)
        {
            Errors.Add(string.Empty, "error.access.not_yourself");
        }
        else if (access.Role == AccessRole.Manager && !MayGrantManagers)
        {
            Errors.Add(string.Empty, "error.access.manager_by_admin");
        }
        if (!Errors.IsEmpty)
        {
            return await ProblemAsync(cancellationToken);
        }
        var name = await db.Users.Where(a => a.Id == access.AccountId).Select(a => a.DisplayName).SingleAsync(cancellationToken);
        db.CooperativeAccess.Remove(access);
        db.ActivityLog.Add(Cooperative.Activity("access.revoked", name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/portal/{Cooperative.Slug}/team?done=revoked");
    }

    private async Task<PageResult> ProblemAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Form.Password = null;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await (from access in db.CooperativeAccess.AsNoTracking()
                         join account in db.Users.AsNoTracking() on access.AccountId equals account.Id
                         where access.CooperativeId == Cooperative.Id
                         orderby access.Role, account.DisplayName
                         select new TeamMember(access.Id, account.DisplayName, account.UserName ?? string.Empty, access.Role, access.GrantedAt,
                             account.Id == Cooperative.AccountId))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var invited = await db.CooperativeInvitations.AsNoTracking().Where(i => i.CooperativeId == Cooperative.Id)
            .Select(i => new PendingInvitation(i.Id, i.Name, i.SignInName, i.Role, i.ExpiresAt)).ToListAsync(cancellationToken);
        Invitations = [.. invited.Where(i => i.ExpiresAt > now).OrderBy(i => i.Name, StringComparer.Ordinal)];
    }
}
