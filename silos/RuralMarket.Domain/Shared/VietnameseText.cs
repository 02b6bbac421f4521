using System.Globalization;
using System.Text;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// How Vietnamese text is compared when diacritics must not matter: "Miến dong", "MIẾN DONG", "mien dong" and the
/// decomposed (NFD) form all fold to "mien dong"; đ and Đ fold to d (they are letters, not marks, so a plain
/// diacritic strip would keep them).
/// </summary>
public static class VietnameseText
{
    public static string Fold(string text)
    {
        var decomposed = WellFormed(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>The text without diacritics, case kept ("Đơn hàng đã giao" → "Don hang da giao"): for SMS that must fit GSM-7.</summary>
    public static string Unaccented(string text)
    {
        var decomposed = WellFormed(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a text (runs of letters and digits), in NFC and lower case, diacritics kept.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var normalized = WellFormed(text).Normalize(NormalizationForm.FormC);
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && (char.IsLetterOrDigit(normalized[i]) || (start >= 0 && IsMark(normalized[i])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Lone surrogates (possible in text that did not come through UTF-8) become U+FFFD, which is not a letter.</summary>
    private static string WellFormed(string text) =>
        DomainText.IsWellFormed(text) ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
