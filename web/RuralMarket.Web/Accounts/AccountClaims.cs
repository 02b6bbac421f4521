using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Accounts;
using RuralMarket.Grains;

namespace RuralMarket.Web.Accounts;

/// <summary>Identity's claims plus the account's display name, which the activity log records ("Lò Thị Giúp", not a phone number).</summary>
public sealed class AccountClaims(UserManager<Account> accounts, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(accounts, roles, options)
{
    public const string DisplayName = "display_name";

    /// <summary>The signed-in account's id, or null for a visitor.</summary>
    public static Guid? AccountIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The name the activity log records for the signed-in account.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.FindFirstValue(ClaimTypes.Name) ?? string.Empty;

    /// <summary>A platform admin acting from an admin page, as the grains record it.</summary>
    public static Actor AdminActorOf(ClaimsPrincipal user) =>
        new(AccountIdOf(user) ?? throw new InvalidOperationException("An admin page ran without a signed-in account."), DisplayNameOf(user), AccountRoles.Admin);

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}
