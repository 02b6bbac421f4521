using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace RuralMarket.Data.Accounts;

internal static class AccountConfiguration
{
    /// <summary>Identity's tables under our names; columns are snake-cased with the rest of the model.</summary>
    public static void ConfigureAccounts(this ModelBuilder model)
    {
        model.Entity<Account>(account =>
        {
            account.ToTable("accounts");
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.HasIndex(a => a.PhoneNumber);
        });
        model.Entity<IdentityRole<Guid>>().ToTable("roles");
        model.Entity<IdentityUserRole<Guid>>().ToTable("account_roles");
        model.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        model.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        model.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        model.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        model.Entity<CooperativeAccess>(access =>
        {
            access.ToTable("cooperative_access");
            access.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
            access.HasIndex(a => new { a.AccountId, a.CooperativeId }).IsUnique();
            access.HasIndex(a => a.CooperativeId);
        });
        model.Entity<CooperativeInvitation>(invitation =>
        {
            invitation.ToTable("cooperative_invitations");
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
            invitation.Property(i => i.Name).HasMaxLength(200);
            invitation.Property(i => i.SignInName).HasMaxLength(256);
            invitation.HasIndex(i => new { i.CooperativeId, i.AccountId }).IsUnique();
            invitation.HasIndex(i => i.AccountId);
        });
        model.Entity<ActivityEntry>(entry =>
        {
            entry.ToTable("activity_log");
            entry.Property(e => e.AccountName).HasMaxLength(200);
            entry.Property(e => e.ActingAs).HasMaxLength(20);
            entry.Property(e => e.Action).HasMaxLength(60);
            entry.Property(e => e.Subject).HasMaxLength(300);
            entry.HasIndex(e => new { e.CooperativeId, e.At });
        });
    }
}
