using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Web.Logistics;

/// <summary>
/// A remittance as a partner types it or a carrier's report file has it: one waybill per line, then the amount and,
/// optionally, the fee netted, separated by <c>;</c>, a tab or a comma. A first line that is a header is skipped.
/// Amounts are whole đồng (<c>250000</c> or <c>250.000</c>).
/// </summary>
public static class RemittanceText
{
    public const int MaxBytes = 1_000_000;

    private static readonly char[] Separators = [';', '\t', ','];

    /// <summary>The lines read, or every line that could not be read (by its number), never both.</summary>
    public static (IReadOnlyList<RemittanceLine> Lines, IReadOnlyList<(int Line, string Error)> Problems) Parse(string text)
    {
        var lines = new List<RemittanceLine>();
        var problems = new List<(int, string)>();
        var rows = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i].Trim().TrimStart('\uFEFF');
            if (row.Length == 0)
            {
                continue;
            }
            var cells = row.Split(Separators).Select(c => c.Trim().Trim('"')).ToArray();
            if (lines.Count == 0 && problems.Count == 0 && cells.Length >= 2 && !cells[1].Any(char.IsAsciiDigit))
            {
                continue; // a header
            }
            try
            {
                if (cells.Length is < 2 or > 3)
                {
                    throw new DomainException("remittance.row", "A row is a waybill, an amount and perhaps a fee.");
                }
                var fee = cells.Length == 3 && cells[2].Length > 0 ? Money.Parse(cells[2], "remittance.fee") : Money.Zero;
                lines.Add(new RemittanceLine(cells[0], Money.Parse(cells[1], "remittance.amount"), fee));
            }
            catch (DomainException refusal)
            {
                problems.Add((i + 1, refusal.Code));
            }
        }
        if (lines.Count + problems.Count > Remittance.MaxLines)
        {
            problems.Add((0, "remittance.lines"));
        }
        return problems.Count > 0 ? ([], problems) : (lines, []);
    }
}
