using Microsoft.AspNetCore.Identity;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Accounts;

/// <summary>Creates accounts for cooperative staff (managers and helpers) with a first password, and gives them their role.</summary>
public sealed class StaffAccounts(UserManager<Account> accounts, TimeProvider clock)
{
    /// <summary>The new account, or the resource key of why it could not be made (a weak password, most often).</summary>
    public async Task<(Account? Account, string? ErrorKey)> CreateAsync(string displayName, string userName, string password, string role)
    {
        var isEmail = userName.Contains('@', StringComparison.Ordinal);
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, Email = isEmail ? userName : null, PhoneNumber = isEmail ? null : userName,
            DisplayName = DomainText.Require(displayName, "account.display_name", 100), CreatedAt = clock.GetUtcNow(),
        };
        var created = await accounts.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? "error.access.weak_password" : "error.access.account_not_created");
        }
        await GiveRoleAsync(account, role);
        return (account, null);
    }

    /// <summary>Takes back an account made a moment ago for something that then could not be done (a registration refused).</summary>
    public Task DeleteAsync(Account account) => accounts.DeleteAsync(account);

    public async Task GiveRoleAsync(Account account, string role)
    {
        if (!await accounts.IsInRoleAsync(account, role))
        {
            await accounts.AddToRoleAsync(account, role);
        }
    }
}
