using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Notices;

public enum SmsEncoding
{
    /// <summary>The GSM 03.38 default alphabet: 160 characters in one message, 153 per part when split.</summary>
    Gsm7,

    /// <summary>Anything outside it (Vietnamese diacritics): 70 UTF-16 units in one message, 67 per part.</summary>
    Ucs2,
}

/// <summary>
/// An SMS as the gateway will send it: its text, the encoding that text forces, and how many messages (segments) it
/// costs. <see cref="Choose"/> keeps the Vietnamese diacritics when the accented text fits one message, and otherwise
/// sends it without them when that takes fewer messages.
/// </summary>
public sealed record SmsText(string Text, SmsEncoding Encoding, int Segments)
{
    // GSM 03.38's default alphabet, and its extension table whose characters take two septets (escape + character).
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static SmsText Of(string text)
    {
        if (SeptetsOf(text) is { } septets)
        {
            return new SmsText(text, SmsEncoding.Gsm7, SegmentsOf(septets, single: 160, part: 153));
        }
        return new SmsText(text, SmsEncoding.Ucs2, SegmentsOf(text.Length, single: 70, part: 67));
    }

    public static SmsText Choose(string accented)
    {
        var withMarks = Of(accented);
        if (withMarks.Segments <= 1)
        {
            return withMarks;
        }
        var plain = Of(VietnameseText.Unaccented(accented));
        return plain.Segments < withMarks.Segments ? plain : withMarks;
    }

    /// <summary>Septets the text takes in GSM-7, or null when a character is outside the alphabet.</summary>
    private static int? SeptetsOf(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c, StringComparison.Ordinal))
            {
                septets += 1;
            }
            else if (Extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return null;
            }
        }
        return septets;
    }

    private static int SegmentsOf(int units, int single, int part) => units <= single ? 1 : (units + part - 1) / part;
}
