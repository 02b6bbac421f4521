using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Accounts;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    [Range(1, 1000, ErrorMessage = "Accounts:SignInsPerWindow must be 1 to 1000.")]
    public int SignInsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Accounts:SignInWindow must be 1 s to 1 day.")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first platform admin, created at start if both are set and no account has that e-mail yet.</summary>
    [EmailAddress(ErrorMessage = "Accounts:AdminEmail must be an e-mail address.")]
    public string? AdminEmail { get; set; }

    /// <summary>From a secret (environment or k8s Secret), never from a file in the repository.</summary>
    [MinLength(12, ErrorMessage = "Accounts:AdminPassword must be at least 12 characters.")]
    public string? AdminPassword { get; set; }
}
