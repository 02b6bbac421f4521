using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RuralMarket.Payments.BankFeeds;

/// <summary>
/// A JSON value written again with every object's keys in ordinal order and no spaces: what Casso and payOS sign
/// instead of the raw body. Strings are escaped as JavaScript's <c>JSON.stringify</c> does (only quotes, backslashes and
/// control characters), or, with <see cref="Escaping.Php"/>, as PHP's <c>json_encode</c> does (also <c>/</c> and
/// everything outside ASCII as <c>\uXXXX</c>): the providers' published samples are in both languages. Numbers are kept
/// as sent, which is what both languages write for the whole numbers these feeds carry.
/// </summary>
internal static class SortedJson
{
    public enum Escaping
    {
        JavaScript,
        Php,
    }

    public static string Of(JsonElement value, Escaping escaping = Escaping.JavaScript)
    {
        var text = new StringBuilder();
        Write(value, text, escaping);
        return text.ToString();
    }

    private static void Write(JsonElement value, StringBuilder text, Escaping escaping)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(property.Name, text, escaping);
                    text.Append(':');
                    Write(property.Value, text, escaping);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Write(item, text, escaping);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(value.GetString()!, text, escaping);
                break;
            default:
                text.Append(value.GetRawText());
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text, Escaping escaping)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '/' when escaping == Escaping.Php: text.Append("\\/"); break;
                default:
                    var escaped = c < 0x20
                        || (escaping == Escaping.Php && c > 0x7F)
                        || (char.IsSurrogate(c) && !IsPaired(value, i));
                    if (escaped)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }

    private static bool IsPaired(string value, int i) =>
        char.IsHighSurrogate(value[i])
            ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
            : i > 0 && char.IsHighSurrogate(value[i - 1]);
}
