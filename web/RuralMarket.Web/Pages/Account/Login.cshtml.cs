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
public sealed class LoginModel(SignInNames names, SignInManager<Data.Accounts.Account> signIn, SignInThrottle throttle,
    IPasswordHasher<Data.Accounts.Account> hasher) : PageModel
{
    private static string? _unknownNameHash;

    [BindProperty]
    public string? SignInName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A resource key, shown above the form.</summary>
    public string? Error { get; private set; }

    /// <summary>Seconds to wait before the next try, after several wrong ones from this address.</summary>
    public int? WaitSeconds { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var client = PostLimit.ClientKey(HttpContext);
        if (throttle.WaitFor(SignInName, client) is { } wait)
        {
            WaitSeconds = (int)Math.Ceiling(wait.TotalSeconds);
            Error = "account.sign_in_wait";
            return Page();
        }
        // One message for an unknown name and a wrong password: the form must not tell which accounts exist.
        var account = await names.FindAsync(SignInName);
        var tryable = !string.IsNullOrEmpty(Password) && Password.Length <= 200;
        if (account is null && tryable)
        {
            // As slow as checking a real account's password, so the answer's time does not tell that the name is unknown.
            _unknownNameHash ??= hasher.HashPassword(new(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new(), _unknownNameHash, Password!);
        }
        var result = account is null || !tryable
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password!, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            throttle.Failed(SignInName, client);
            Error = "account.sign_in_failed";
            return Page();
        }
        throttle.Succeeded(SignInName, client);
        return Redirect(LocalReturnUrl.Or(ReturnUrl, "/portal"));
    }
}
