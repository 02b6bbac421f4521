using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data.Accounts;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Accounts;

/// <summary>
/// Staff sign in with a phone number (in any common Vietnamese form) or an e-mail address. An account's user name
/// is its phone in canonical form (<c>0912345678</c>) when it has one, else its e-mail.
/// </summary>
public sealed class SignInNames(UserManager<Account> accounts)
{
    public static string UserNameFor(string? phone, string? email) =>
        !string.IsNullOrWhiteSpace(phone) ? VietnamesePhone.Normalize(phone) : email?.Trim() ?? string.Empty;

    public async Task<Account?> FindAsync(string? signInName)
    {
        var name = signInName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 254)
        {
            return null;
        }
        if (name.Contains('@', StringComparison.Ordinal))
        {
            return await accounts.FindByEmailAsync(name);
        }
        string phone;
        try
        {
            phone = VietnamesePhone.Normalize(name);
        }
        catch (DomainException)
        {
            return null;
        }
        return await accounts.Users.FirstOrDefaultAsync(a => a.PhoneNumber == phone || a.UserName == phone);
    }
}
