using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Data.Accounts;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Hosting;

namespace RuralMarket.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccessPolicies.SignInRateLimit)]
public sealed class LoginModel(SignInNames names, SignInManager<Data.Accounts.Account> signIn) : PageModel
{
    [BindProperty]
    public string? SignInName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A resource key, shown above the form.</summary>
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await names.FindAsync(SignInName);
        // One message for an unknown name and a wrong password: the form must not tell which accounts exist.
        if (account is null || string.IsNullOrEmpty(Password) || Password.Length > 200)
        {
            Error = "account.sign_in_failed";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = "account.locked_out";
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = "account.sign_in_failed";
            return Page();
        }
        return Redirect(LocalReturnUrl.Or(ReturnUrl, "/portal"));
    }
}
