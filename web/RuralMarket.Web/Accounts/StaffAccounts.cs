using Microsoft.AspNetCore.Identity;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Accounts;

/// <summary>Creates accounts for cooperative staff (managers and helpers) with a first password, and gives them their role.</summary>
public sealed class StaffAccounts(UserManager<Account> accounts, SignInNames names, TimeProvider clock)
{
    /// <summary>The new account, or the resource key of why it could not be made (a weak password, most often).</summary>
    public Task<(Account? Account, string? ErrorKey)> CreateAsync(string displayName, string userName, string password, string? role) =>
        CreateAsync(displayName, userName, role, account => accounts.CreateAsync(account, password));

    /// <summary>As <see cref="CreateAsync(string, string, string, string?)"/>, with a password checked and hashed earlier (<see cref="HashPassword"/>).</summary>
    public Task<(Account? Account, string? ErrorKey)> CreateHashedAsync(string displayName, string userName, string passwordHash, string? role) =>
        CreateAsync(displayName, userName, role, account =>
        {
            account.PasswordHash = passwordHash;
            return accounts.CreateAsync(account);
        });

    /// <summary>The resource key of why this password may not be used, or null.</summary>
    public async Task<string?> PasswordProblemAsync(string userName, string password)
    {
        var probe = new Account { UserName = userName };
        foreach (var validator in accounts.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(accounts, probe, password)).Succeeded)
            {
                return "error.access.weak_password";
            }
        }
        return null;
    }

    public string HashPassword(string password) => accounts.PasswordHasher.HashPassword(new Account(), password);

    /// <summary>
    /// The account with this user name, made with the first password if there is none yet. Both ways check the
    /// password and hash it, so neither the answer nor its time tells the caller whether the account existed.
    /// </summary>
    public async Task<(Account? Account, string? ErrorKey)> FindOrCreateAsync(string displayName, string userName, string password)
    {
        if (await PasswordProblemAsync(userName, password) is { } problem)
        {
            return (null, problem);
        }
        var hash = HashPassword(password);
        return await names.FindAsync(userName) is { } existing ? (existing, null) : await CreateHashedAsync(displayName, userName, hash, role: null);
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

    private async Task<(Account? Account, string? ErrorKey)> CreateAsync(string displayName, string userName, string? role, Func<Account, Task<IdentityResult>> create)
    {
        var isEmail = userName.Contains('@', StringComparison.Ordinal);
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, Email = isEmail ? userName : null, PhoneNumber = isEmail ? null : userName,
            DisplayName = DomainText.Require(displayName, "account.display_name", 100), CreatedAt = clock.GetUtcNow(),
        };
        var created = await create(account);
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
}
