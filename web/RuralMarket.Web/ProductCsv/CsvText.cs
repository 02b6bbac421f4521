using System.Text;

namespace RuralMarket.Web.ProductCsv;

/// <summary>
/// RFC 4180 records: fields split by the delimiter, records by CRLF, LF or CR; a quoted field may hold delimiters,
/// line breaks and doubled quotes. Text after a closing quote, or a quote never closed, marks the record as malformed
/// (its text is kept as read, so the problem can be shown where it is).
/// </summary>
public static class CsvText
{
    public static IEnumerable<(IReadOnlyList<string> Fields, bool Malformed)> Records(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var malformed = false;
        var i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        closed = true;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
                malformed |= !closed;
                if (i < text.Length && text[i] != delimiter && text[i] is not ('\r' or '\n'))
                {
                    malformed = true;
                }
                continue;
            }
            var c = text[i];
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                fields.Add(field.ToString());
                field.Clear();
                yield return (fields, malformed);
                fields = [];
                malformed = false;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (fields, malformed);
        }
    }

    /// <summary>One record, quoting only the fields that need it, ended with CRLF as RFC 4180 asks.</summary>
    public static void Write(StringBuilder output, IEnumerable<string> fields, char delimiter)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                output.Append(delimiter);
            }
            first = false;
            // Both delimiters are quoted whichever one this file uses: a spreadsheet that splits on the other must not
            // see a cell's tail (after "a;") as a cell of its own, possibly a formula.
            var needsQuotes = value.IndexOfAny([delimiter, ',', ';', '"', '\r', '\n']) >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
            output.Append(needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }
        output.Append("\r\n");
    }
}
