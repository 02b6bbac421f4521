using System.Net;
using System.Text.RegularExpressions;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>What a browser would post from a page's forms as they stand: inputs with their values, checked boxes, selected options, textareas.</summary>
internal static partial class WebForm
{
    public static Dictionary<string, string> Fields(string html, string prefix = "Form.")
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(html))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null || !name.StartsWith(prefix, StringComparison.Ordinal) || type is "file" or "submit"
                || (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal)))
            {
                continue;
            }
            fields[name] = Attribute(tag, "value") ?? string.Empty;
        }
        foreach (Match select in Select().Matches(html))
        {
            var selected = SelectedOption().Match(select.Groups["options"].Value);
            fields[select.Groups["name"].Value] = selected.Success ? WebUtility.HtmlDecode(selected.Groups["value"].Value) : string.Empty;
        }
        foreach (Match area in TextArea().Matches(html))
        {
            fields[area.Groups["name"].Value] = WebUtility.HtmlDecode(area.Groups["text"].Value);
        }
        return fields.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary();
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<value>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
