namespace RuralMarket.Web.Portal;

/// <summary>One bar: its label, its length as a fraction of the longest, and the value written beside it.</summary>
public sealed record Bar(string Label, double Fraction, string Value);

/// <summary>A horizontal bar chart drawn on the server as SVG (<c>_BarChart.cshtml</c>): no script, readable when printed.</summary>
public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public const int LabelWidth = 150;
    public const int BarArea = 300;
    public const int RowHeight = 26;

    public static BarChart Of<T>(string title, IEnumerable<T> items, Func<T, string> label, Func<T, long> size, Func<T, string> value)
    {
        var rows = items.ToList();
        var largest = Math.Max(1, rows.Select(size).DefaultIfEmpty(0).Max());
        return new BarChart(title, rows.Select(r => new Bar(label(r), (double)size(r) / largest, value(r))).ToList());
    }
}
