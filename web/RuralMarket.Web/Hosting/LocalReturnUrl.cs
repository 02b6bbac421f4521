using System.Text;

namespace RuralMarket.Web.Hosting;

/// <summary>
/// Where a "go back to" parameter may send someone: only a path on this site, never another site (<c>//evil</c>,
/// <c>/\evil</c>), never with control characters; letters outside ASCII, spaces and the like are percent-encoded,
/// as a Location header must carry them. Anything else goes to the fallback.
/// </summary>
public static class LocalReturnUrl
{
    public static string Or(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2_000 || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\')
            || url.Any(char.IsControl) || !WellFormed(url))
        {
            return fallback;
        }
        if (!url.Any(NeedsEncoding))
        {
            return url;
        }
        var encoded = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && !NeedsEncoding((char)rune.Value))
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>Characters a Location header cannot carry as they are.</summary>
    private static bool NeedsEncoding(char c) => !char.IsAscii(c) || c is ' ' or '"' or '<' or '>' or '`' or '{' or '}' or '|' or '^';

    /// <summary>False for text with a lone surrogate (which no URL can carry).</summary>
    private static bool WellFormed(string text)
    {
        try
        {
            Strict.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
