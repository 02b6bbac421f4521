using System.Globalization;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Notices;

/// <summary>
/// One notice to send, before a channel is chosen: its kind, the fact it is about (<see cref="Subject"/>: the same
/// fact gives the same notice however often its event arrives), the Vietnamese text, and the same facts as named
/// fields for channels that fill a template of their own (Zalo ZNS).
/// </summary>
public sealed record NoticeDraft(NoticeKind Kind, string Subject, string Text, IReadOnlyDictionary<string, string> Fields)
{
    public const int MaxText = 480;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>What makes a notice once-only, with its channel and recipient: <c>order.placed:{order id}</c>.</summary>
    public string Key => $"{Kind.Name}:{Subject}";

    public static NoticeDraft Of(NoticeKind kind, string subject, string text, params (string Name, string Value)[] fields) =>
        new(kind, subject, text.Length <= MaxText ? text : text[..MaxText], fields.ToDictionary(f => f.Name, f => f.Value));

    /// <summary>"150.000 đ": no "₫", which only UCS-2 has, so the unaccented text still fits GSM-7.</summary>
    public static string Amount(Money money) => money.Dong.ToString("N0", Vietnamese) + " đ";
}
