using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Web.Accounts;

/// <summary>Makes sure the three roles exist and, when configured, the first admin.</summary>
internal sealed partial class AccountsInitializer(
    RoleManager<IdentityRole<Guid>> roles, UserManager<Account> accounts, IOptions<AccountOptions> options, TimeProvider clock,
    ILogger<AccountsInitializer> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Require(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() }));
            }
        }
        if (options.Value is { AdminEmail: { Length: > 0 } email, AdminPassword: { Length: > 0 } password }
            && await accounts.FindByEmailAsync(email) is null)
        {
            var admin = new Account { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = "Quản trị RuralMarket", CreatedAt = clock.GetUtcNow() };
            Require(await accounts.CreateAsync(admin, password));
            Require(await accounts.AddToRoleAsync(admin, AccountRoles.Admin));
            LogAdminCreated(email);
        }
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Accounts could not be set up: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the platform admin {Email} from configuration")]
    private partial void LogAdminCreated(string email);
}
