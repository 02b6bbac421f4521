using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Pages.Account;

/// <summary>Signing out is a form post (with its antiforgery token), so no link on another site can sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
