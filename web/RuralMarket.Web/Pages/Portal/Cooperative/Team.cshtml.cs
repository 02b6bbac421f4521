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

/// <summary>Who is being given access: an existing account by its phone or e-mail, or a new one with a first password.</summary>
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
/// The cooperative's team. Its manager grants and revokes digital helpers; an admin may also grant or revoke managers.
/// An account that does not exist yet is created with a first password the granter hands over in person.
/// </summary>
public sealed class TeamModel(RuralMarketDbContext db, StaffAccounts staff, SignInNames names, TimeProvider clock) : PortalPageModel
{
    [BindProperty]
    public GrantForm Form { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

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
        if (!Errors.IsEmpty || role is not { } granted || userName is null)
        {
            return await ProblemAsync(cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await names.FindAsync(userName) ?? await CreateAccountAsync(userName, granted);
        if (account is null)
        {
            return await ProblemAsync(cancellationToken);
        }
        if (await db.CooperativeAccess.AnyAsync(a => a.AccountId == account.Id && a.CooperativeId == Cooperative.Id, cancellationToken))
        {
            Errors.Add(nameof(GrantForm.SignInName), "error.access.already_granted");
            return await ProblemAsync(cancellationToken);
        }
        var roleName = granted == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper;
        await staff.GiveRoleAsync(account, roleName);
        var now = clock.GetUtcNow();
        db.CooperativeAccess.Add(new CooperativeAccess(account.Id, Cooperative.Id, granted, Cooperative.AccountId, now));
        db.ActivityLog.Add(Cooperative.Activity($"access.granted.{roleName}", account.DisplayName, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/portal/{Cooperative.Slug}/team?done=granted");
    }

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

    private async Task<Data.Accounts.Account?> CreateAccountAsync(string userName, AccessRole role)
    {
        var displayName = Errors.Capture(() => DomainText.Require(Form.DisplayName, "account.display_name", 100), GrantForm.FieldOfCode);
        if (string.IsNullOrEmpty(Form.Password))
        {
            Errors.Add(nameof(GrantForm.Password), "error.access.new_account_password");
        }
        if (displayName is null || !Errors.IsEmpty)
        {
            return null;
        }
        var (account, error) = await staff.CreateAsync(displayName, userName, Form.Password!,
            role == AccessRole.Manager ? AccountRoles.Manager : AccountRoles.Helper);
        if (error is not null)
        {
            Errors.Add(nameof(GrantForm.Password), error);
        }
        return account;
    }

    private async Task<PageResult> ProblemAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Form.Password = null;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Members = await (from access in db.CooperativeAccess.AsNoTracking()
                         join account in db.Users.AsNoTracking() on access.AccountId equals account.Id
                         where access.CooperativeId == Cooperative.Id
                         orderby access.Role, account.DisplayName
                         select new TeamMember(access.Id, account.DisplayName, account.UserName ?? string.Empty, access.Role, access.GrantedAt,
                             account.Id == Cooperative.AccountId))
            .ToListAsync(cancellationToken);
}
