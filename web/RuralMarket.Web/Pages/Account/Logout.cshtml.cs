using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Pages.Account;

/// <summary>
/// Signing out is a form post (with its antiforgery token), so no link on another site can sign anyone out. It ends
/// every session of the account, not only this browser's: a new security stamp makes every older cookie invalid.
/// </summary>
public sealed class LogoutModel(SignInManager<Data.Accounts.Account> signIn, UserManager<Data.Accounts.Account> accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await accounts.GetUserAsync(User) is { } account)
        {
            await accounts.UpdateSecurityStampAsync(account);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
