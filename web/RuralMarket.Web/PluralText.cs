using Microsoft.Extensions.Localization;

namespace RuralMarket.Web;

/// <summary>
/// Counted words: a key has a <c>.one</c> and an <c>.other</c> form ("1 product", "2 products"); Vietnamese gives both
/// the same words. Units count the same way: <c>unit.Package</c> is "gói" / "pack", <c>unit.Package.other</c> "gói" / "packs".
/// </summary>
public static class PluralText
{
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] more) =>
        text[$"{key}.{(count == 1 ? "one" : "other")}", [count, .. more]];

    /// <summary>"240 gói", "240 packs", "1 pack".</summary>
    public static string Quantity(this IStringLocalizer text, long count, string unit) =>
        $"{count:N0} {text[count == 1 ? $"unit.{unit}" : $"unit.{unit}.other"]}";
}
