using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Accounts;
using RuralMarket.Data.Hosting;
using RuralMarket.Data.Logistics;
using RuralMarket.Seed;

namespace RuralMarket.Web.Accounts;

/// <summary>
/// With <c>Seed:DemoAccounts</c> (off by default, on in <c>scripts/run.sh</c>): a manager and a helper of the seed's
/// HTX Vi Hương and a clerk of its village post office, so a newcomer can try both portals at once. Each gets a fresh random password, written once to the
/// log as a demo account and never again; an account that already exists is left alone.
/// </summary>
internal sealed partial class DemoAccounts(RuralMarketDbContext db, StaffAccounts staff, UserManager<Account> accounts, TimeProvider clock, ILogger<DemoAccounts> logger)
    : IDatabaseInitializer
{
    public const string Key = "Seed:DemoAccounts";
    public const string CooperativeSlug = "htx-nong-nghiep-vi-huong";
    public const string ManagerSignInName = "quanly.vihuong@demo.ruralmarket.vn";
    public const string HelperSignInName = "hotro.vihuong@demo.ruralmarket.vn";
    public const string PartnerSignInName = "buucuc.vihuong@demo.ruralmarket.vn";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var cooperative = await db.Cooperatives.AsNoTracking().Where(c => c.Slug == CooperativeSlug).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cooperative is null)
        {
            LogNoCooperative(CooperativeSlug);
            return;
        }
        await CreateAsync(ManagerSignInName, $"Quản lý {cooperative.Name} (demo)", AccountRoles.Manager, "manager", cooperative.Name,
            id => db.CooperativeAccess.Add(new CooperativeAccess(id, cooperative.Id, AccessRole.Manager, null, clock.GetUtcNow())));
        await CreateAsync(HelperSignInName, $"Cán bộ hỗ trợ {cooperative.Name} (demo)", AccountRoles.Helper, "helper", cooperative.Name,
            id => db.CooperativeAccess.Add(new CooperativeAccess(id, cooperative.Id, AccessRole.Helper, null, clock.GetUtcNow())));
        var partner = await db.PostalPartners.AsNoTracking().Where(p => p.Slug == PostalPartnersLoader.VillagePostOfficeSlug)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (partner is not null)
        {
            await CreateAsync(PartnerSignInName, $"Nhân viên {partner.Name} (demo)", AccountRoles.Partner, "postal partner clerk", partner.Name,
                id => db.PartnerAccess.Add(new PartnerAccess(id, partner.Id, clock.GetUtcNow())));
        }
    }

    private async Task CreateAsync(string signInName, string displayName, string role, string roleName, string ofWhat, Action<Guid> grantAccess)
    {
        if (await accounts.FindByNameAsync(signInName) is not null)
        {
            return;
        }
        // Drawn again until the configured password rules accept it (one in 12 draws has no digit, which they require).
        var password = NewPassword();
        while (await staff.PasswordProblemAsync(signInName, password) is not null)
        {
            password = NewPassword();
        }
        var (account, error) = await staff.CreateAsync(displayName, signInName, password, role);
        if (account is null)
        {
            throw new InvalidOperationException($"The demo account {signInName} could not be made: {error}");
        }
        grantAccess(account.Id);
        await db.SaveChangesAsync();
        LogCreated(roleName, ofWhat, signInName, password);
    }

    /// <summary>16 letters and digits from a CSPRNG: about 95 bits, easy to copy from a console.</summary>
    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO ACCOUNT (for trying the portal only; never on a real deployment): {Role} of {Organisation}: sign in at /account/login as {SignInName} with password {Password}. Shown once.")]
    private partial void LogCreated(string role, string organisation, string signInName, string password);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed:DemoAccounts is on but the seed cooperative {Slug} is not there (Seed:Catalogue off?): no demo accounts made")]
    private partial void LogNoCooperative(string slug);
}
