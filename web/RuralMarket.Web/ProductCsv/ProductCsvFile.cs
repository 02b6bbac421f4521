using System.Globalization;
using System.Text;

namespace RuralMarket.Web.ProductCsv;

/// <summary>
/// Something wrong in the file, where a spreadsheet would show it: <see cref="Row"/> counts records from 1 (the header),
/// <see cref="Column"/> is the column's header; <see cref="Key"/> is a resource key, <see cref="Detail"/> its argument.
/// </summary>
public sealed record CsvProblem(int Row, string Column, string Key, string? Detail = null);

/// <summary>One data record: its row number and its cells by product form field.</summary>
public sealed record ProductCsvRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string field] => Cells.GetValueOrDefault(field) ?? string.Empty;
}

/// <summary>
/// Reads a product CSV as people save it: UTF-8 with or without a byte order mark, comma or semicolon (whichever the
/// header line uses more), quoted cells with line breaks, Vietnamese or English headers in any order.
/// </summary>
public static class ProductCsvFile
{
    public const int MaxRows = 10_000;

    /// <summary>Cells a spreadsheet would run as a formula are written with a leading apostrophe; reading takes it off again.</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static (IReadOnlyList<ProductCsvRow> Rows, IReadOnlyList<CsvProblem> Problems) Read(byte[] content)
    {
        var problems = new List<CsvProblem>();
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], [new CsvProblem(0, string.Empty, "csv.error.not_utf8")]);
        }
        using var records = CsvText.Records(text, DelimiterOf(text)).GetEnumerator();
        if (!records.MoveNext())
        {
            return ([], [new CsvProblem(0, string.Empty, "csv.error.empty")]);
        }
        var columns = Header(records.Current.Fields, problems);
        var rows = new List<ProductCsvRow>();
        var row = 1;
        while (records.MoveNext())
        {
            row++;
            var (record, malformed) = records.Current;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count == MaxRows)
            {
                problems.Add(new CsvProblem(row, string.Empty, "csv.error.too_many_rows", MaxRows.ToString(CultureInfo.InvariantCulture)));
                break;
            }
            if (malformed)
            {
                problems.Add(new CsvProblem(row, string.Empty, "csv.error.bad_quotes"));
                continue;
            }
            if (record.Count != columns.Count)
            {
                problems.Add(new CsvProblem(row, string.Empty, "csv.error.cell_count", $"{record.Count}/{columns.Count}"));
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < record.Count; i++)
            {
                if (columns[i] is { } column)
                {
                    cells[column.FormField] = Unescape(record[i].Normalize(NormalizationForm.FormC).Trim());
                }
            }
            rows.Add(new ProductCsvRow(row, cells));
        }
        return (rows, problems);
    }

    /// <summary>
    /// The cell as a spreadsheet may show it safely: text that would start a formula gets a leading apostrophe, and so
    /// does text that already starts with one, so that reading takes off exactly the apostrophe the export added.
    /// </summary>
    public static string Escape(string cell) => cell.Length > 0 && NeedsEscape(cell[0]) ? "'" + cell : cell;

    private static string Unescape(string cell) => cell.Length > 1 && cell[0] == '\'' && NeedsEscape(cell[1]) ? cell[1..] : cell;

    private static bool NeedsEscape(char first) => first == '\'' || FormulaStarts.Contains(first);

    private static List<ProductCsvColumn?> Header(IReadOnlyList<string> header, List<CsvProblem> problems)
    {
        var columns = new List<ProductCsvColumn?>();
        foreach (var cell in header)
        {
            var column = ProductCsvColumns.All.FirstOrDefault(c => c.Matches(cell));
            if (column is null)
            {
                problems.Add(new CsvProblem(1, cell, "csv.error.unknown_column"));
            }
            else if (columns.Contains(column))
            {
                problems.Add(new CsvProblem(1, cell, "csv.error.duplicate_column"));
                column = null;
            }
            columns.Add(column);
        }
        foreach (var missing in ProductCsvColumns.All.Where(c => c.Required && !columns.Contains(c)))
        {
            problems.Add(new CsvProblem(1, missing.Header, "csv.error.missing_column"));
        }
        return columns;
    }

    private static char DelimiterOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        return firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
    }
}
