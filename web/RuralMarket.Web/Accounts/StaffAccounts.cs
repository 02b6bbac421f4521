using Microsoft.AspNetCore.Identity;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Accounts;

/// <summary>Creates accounts for cooperative staff (managers and helpers) with a first password, and gives them their role.</summary>
public sealed class StaffAccounts(UserManager<Account> accounts, SignInNames names, TimeProvider clock)
{
    /// <summary>The new account, or the resource key of why it could not be made (a weak password, most often).</summary>
    public async Task<(Account? Account, string? ErrorKey)> CreateAsync(string displayName, string userName, string password, string? role)
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
        if (role is not null)
        {
            await GiveRoleAsync(account, role);
        }
        return (account, null);
    }

    /// <summary>
    /// The account with this user name, made with the first password if there is none yet. Both ways check the
    /// password and hash it, so neither the answer nor its time tells the caller whether the account existed.
    /// </summary>
    public async Task<(Account? Account, string? ErrorKey)> FindOrCreateAsync(string displayName, string userName, string password)
    {
        var probe = new Account { UserName = userName, DisplayName = displayName };
        foreach (var validator in accounts.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(accounts, probe, password)).Succeeded)
            {
                return (null, "error.access.weak_password");
            }
        }
        if (await names.FindAsync(userName) is { } existing)
        {
            accounts.PasswordHasher.HashPassword(probe, password);
            return (existing, null);
        }
        return await CreateAsync(displayName, userName, password, role: null);
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
