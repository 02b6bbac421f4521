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

    /// <summary>The account a sign-in name (phone in any usual form, or e-mail) belongs to; null when it names none.</summary>
    public async Task<Account?> FindAsync(string? signInName)
    {
        string name;
        try
        {
            name = UserNameOf(signInName);
        }
        catch (DomainException)
        {
            return null;
        }
        return name.Contains('@', StringComparison.Ordinal)
            ? await accounts.FindByEmailAsync(name)
            : await accounts.Users.FirstOrDefaultAsync(a => a.PhoneNumber == name || a.UserName == name);
    }
}
