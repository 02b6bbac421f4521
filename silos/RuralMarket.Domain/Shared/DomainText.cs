using System.Text;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// The one place where free text enters the domain: trimmed, Unicode NFC (so "Miến" typed decomposed
/// and precomposed are the same string), bounded, and free of control characters.
/// </summary>
public static class DomainText
{
    public static string Require(string? value, string field, int maxLength)
    {
        var text = Optional(value, field, maxLength);
        return string.IsNullOrEmpty(text)
            ? throw new DomainException($"{field}.required", $"{field} is required.")
            : text;
    }

    public static string Optional(string? value, string field, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return string.Empty;
        }
        if (!IsWellFormed(value))
        {
            throw new DomainException($"{field}.invalid_text", $"{field} is not valid Unicode text.");
        }
        var text = value.Normalize(NormalizationForm.FormC).Trim();
        if (text.Length > maxLength)
        {
            throw new DomainException($"{field}.too_long", $"{field} is longer than {maxLength} characters.");
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
            {
                throw new DomainException($"{field}.invalid_text", $"{field} contains control characters.");
            }
        }
        return text;
    }

    /// <summary>An optional e-mail address: an @ and no spaces is all a form can honestly check; delivery proves the rest.</summary>
    public static string OptionalEmail(string? value, string field)
    {
        var email = Optional(value, field, 254);
        return email.Length > 0 && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
            ? throw new DomainException($"{field}.invalid", "The e-mail address is not valid.")
            : email;
    }

    /// <summary>False when the text holds a lone UTF-16 surrogate (it cannot be encoded or normalised).</summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }
        return true;
    }
}
