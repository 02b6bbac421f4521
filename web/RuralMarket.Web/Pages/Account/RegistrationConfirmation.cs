using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace RuralMarket.Web.Pages.Account;

/// <summary>A registration waiting for the code sent to its manager's phone or e-mail: the form (no password), the password's hash, the code.</summary>
public sealed record PendingRegistration(RegistrationForm Form, string UserName, string PasswordHash, string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Seals a pending registration into a data-protected token the page carries between its two steps, so nothing is
/// stored before the code comes back and the browser can neither read the code nor change the form it confirms.
/// </summary>
public sealed class RegistrationConfirmations(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = protection.CreateProtector("RuralMarket.Registration.v1");

    /// <summary>The token for the page and the six-digit code for the message.</summary>
    public (string Token, string Code) Issue(RegistrationForm form, string userName, string passwordHash)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var pending = new PendingRegistration(form.WithoutPassword(), userName, passwordHash, code, clock.GetUtcNow() + ValidFor);
        return (_protector.Protect(JsonSerializer.Serialize(pending)), code);
    }

    /// <summary>The registration the token holds; null when it was altered, made by another deployment, or has expired.</summary>
    public PendingRegistration? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8_000)
        {
            return null;
        }
        try
        {
            var pending = JsonSerializer.Deserialize<PendingRegistration>(_protector.Unprotect(token));
            return pending is not null && pending.ExpiresAt > clock.GetUtcNow() ? pending : null;
        }
        catch (Exception error) when (error is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether the typed code is the one sent; spaces typed between digits do not count.</summary>
    public static bool Matches(PendingRegistration pending, string? typed)
    {
        var digits = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(digits), Encoding.UTF8.GetBytes(pending.Code));
    }
}
