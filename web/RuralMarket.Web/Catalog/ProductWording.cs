using System.Globalization;

namespace RuralMarket.Web.Catalog;

/// <summary>A product's text as one buyer reads it, and the language it is in (for the element's <c>lang</c>).</summary>
public sealed record ShownText(string Text, string? Lang)
{
    public override string ToString() => Text;
}

/// <summary>
/// Which of a product's texts a page shows: pages in English show the English name or description where the
/// cooperative gave one and the Vietnamese otherwise, marked <c>lang="vi"</c> so a screen reader says it right.
/// </summary>
public static class ProductWording
{
    public static bool PageIsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static ShownText Choose(string vietnamese, string? english) =>
        !PageIsEnglish ? new(vietnamese, null)
        : string.IsNullOrWhiteSpace(english) ? new(vietnamese, "vi")
        : new(english, null);
}
