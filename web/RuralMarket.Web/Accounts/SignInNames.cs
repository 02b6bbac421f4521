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
    /// <summary>
    /// The user name for what someone typed as their sign-in name: a phone in any usual form becomes its canonical
    /// form; anything with an @ must look like an e-mail. Broken rules are <c>account.*</c> domain errors.
    /// </summary>
    public static string UserNameOf(string? signInName)
    {
        var name = DomainText.Require(signInName, "account.sign_in_name", 254);
        return name.Contains('@', StringComparison.Ordinal)
            ? DomainText.OptionalEmail(name, "account.email")
            : VietnamesePhone.Normalize(name, "account.phone");
    }

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
