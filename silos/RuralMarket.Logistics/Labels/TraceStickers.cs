using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RuralMarket.Logistics.Labels;

/// <summary>What a batch's sticker prints, in the reader's language (from the web's resources).</summary>
public sealed record StickerBatch(string ProductName, string CooperativeName, string Lot, string Code, string TraceUrl, string? BestBefore);

public sealed record StickerWording(string Lot, string Code, string BestBefore, string Scan);

/// <summary>
/// Product stickers for one batch on A4 sheets of 3 × 8 (70 × 37 mm, the common 24-up label paper): the QR of the
/// batch's trace page, the product, the lot, the code to type by hand and the best-before date.
/// </summary>
public sealed class TraceStickers(LabelOptions options)
{
    public const int PerSheet = Columns * Rows;
    public const int MaxCount = 10 * PerSheet;

    private const int Columns = 3;
    private const int Rows = 8;
    private const double StickerWidthMm = 70;
    private const double StickerHeightMm = 37;

    public byte[] Sheets(StickerBatch batch, StickerWording words, int count)
    {
        count = Math.Clamp(count, 1, MaxCount);
        LabelFonts.Install(options.FontDirectory);
        using var document = new PdfDocument();
        document.Info.Creator = "RuralMarket";
        for (var first = 0; first < count; first += PerSheet)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var top = (page.Height.Point - Rows * XUnit.FromMillimeter(StickerHeightMm).Point) / 2;
            for (var i = 0; i < Math.Min(PerSheet, count - first); i++)
            {
                var x = (i % Columns) * XUnit.FromMillimeter(StickerWidthMm).Point;
                var y = top + (i / Columns) * XUnit.FromMillimeter(StickerHeightMm).Point;
                Draw(gfx, batch, words, x, y);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, StickerBatch batch, StickerWording words, double x, double y)
    {
        const double pad = 6;
        var qr = XUnit.FromMillimeter(StickerHeightMm).Point - 2 * pad;
        PdfCodes.Qr(gfx, batch.TraceUrl, new XRect(x + pad, y + pad, qr, qr));
        var textX = x + 2 * pad + qr;
        var textWidth = XUnit.FromMillimeter(StickerWidthMm).Point - 3 * pad - qr;
        var bold = new XFont(LabelFonts.Family, 8, XFontStyleEx.Bold);
        var small = new XFont(LabelFonts.Family, 6.5);
        var line = y + pad;
        foreach (var part in Shorten(batch.ProductName, 24, 2))
        {
            gfx.DrawString(part, bold, XBrushes.Black, new XRect(textX, line, textWidth, 10), XStringFormats.TopLeft);
            line += 10;
        }
        foreach (var text in new[] { Shorten(batch.CooperativeName, 30, 1)[0], $"{words.Lot}: {batch.Lot}", $"{words.Code}: {batch.Code}" }
            .Concat(batch.BestBefore is { } keeps ? [$"{words.BestBefore}: {keeps}"] : []).Append(words.Scan))
        {
            gfx.DrawString(text, small, XBrushes.Black, new XRect(textX, line, textWidth, 8), XStringFormats.TopLeft);
            line += 8;
        }
    }

    /// <summary>Up to <paramref name="lines"/> lines of about <paramref name="width"/> characters, the last cut with an ellipsis.</summary>
    private static List<string> Shorten(string text, int width, int lines)
    {
        var result = new List<string>();
        var rest = text;
        while (rest.Length > 0 && result.Count < lines)
        {
            var take = rest.Length <= width ? rest.Length : Math.Max(rest.LastIndexOf(' ', width), width / 2);
            var last = result.Count == lines - 1 && take < rest.Length;
            result.Add(last ? rest[..Math.Min(rest.Length, width - 1)].TrimEnd() + "…" : rest[..take].TrimEnd());
            rest = last ? string.Empty : rest[take..].TrimStart();
        }
        return result.Count == 0 ? [string.Empty] : result;
    }
}
