namespace RuralMarket.Web.Portal;

/// <summary>One bar: its label, its length as a fraction of the longest, and the value written beside it.</summary>
public sealed record Bar(string Label, double Fraction, string Value);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (<c>_BarChart.cshtml</c>): no script, readable when printed.
/// Each row is its label on one line and the bar with its value under it, in a drawing 300 units wide, so that on a
/// 320 px phone (where it is drawn about 290 px wide) the 14-unit text is still 13 px.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public const int Width = 300;
    public const int BarArea = 160;
    public const int RowHeight = 46;
    public const int FontSize = 14;

    public static BarChart Of<T>(string title, IEnumerable<T> items, Func<T, string> label, Func<T, long> size, Func<T, string> value)
    {
        var rows = items.ToList();
        var largest = Math.Max(1, rows.Select(size).DefaultIfEmpty(0).Max());
        return new BarChart(title, rows.Select(r => new Bar(label(r), (double)size(r) / largest, value(r))).ToList());
    }
}
