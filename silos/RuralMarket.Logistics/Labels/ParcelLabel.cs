using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.Labels;

/// <summary>What a label prints, with the province names already looked up.</summary>
public sealed record LabelParcel(
    string Waybill, string CarrierName, string OrderCode, ParcelEnd Sender, string SenderProvince, ParcelEnd Recipient, string RecipientProvince,
    int WeightGrams, Money CashOnDelivery, DateTimeOffset BookedAt, string? TraceUrl = null);

/// <summary>The label's words, in the language of whoever prints it (from the web's resources).</summary>
public sealed record LabelWording(string From, string To, string Collect, string NothingToCollect, string Weight, string Order, string Trace, string PickupSheet,
    string Signature);

/// <summary>
/// Parcel labels, 100 × 150 mm, for thermal and ordinary printers: the waybill as Code 128 and as QR (drawn as vector
/// bars and modules, so they scan at any print size), sender and receiver, the cash to collect in large type, weight
/// and order code, and the QR of the packed batch's trace page when a line has one. Also the pickup sheet: a cooperative's parcels for the day.
/// </summary>
public sealed class ParcelLabels(LabelOptions options)
{
    private const double Margin = 12;

    public byte[] Label(LabelParcel parcel, LabelWording words) => Render(document => DrawLabel(document, parcel, words));

    public byte[] PickupSheet(string partnerName, IReadOnlyList<LabelParcel> parcels, LabelWording words, DateOnly day) =>
        Render(document => DrawSheet(document, partnerName, parcels, words, day));

    private byte[] Render(Action<PdfDocument> draw)
    {
        LabelFonts.Install(options.FontDirectory);
        using var document = new PdfDocument();
        document.Info.Creator = "RuralMarket";
        draw(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawLabel(PdfDocument document, LabelParcel parcel, LabelWording words)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(100);
        page.Height = XUnit.FromMillimeter(150);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var small = new XFont(LabelFonts.Family, 8);
        var normal = new XFont(LabelFonts.Family, 9.5);
        var bold = new XFont(LabelFonts.Family, 11, XFontStyleEx.Bold);
        var y = Margin;

        gfx.DrawString($"RuralMarket · {parcel.CarrierName}", bold, XBrushes.Black, new XRect(Margin, y, width, 14), XStringFormats.TopLeft);
        y += 18;
        PdfCodes.Code128(gfx, parcel.Waybill, new XRect(Margin, y, width - 70, 52));
        PdfCodes.Qr(gfx, parcel.Waybill, new XRect(Margin + width - 62, y - 4, 62, 62));
        y += 56;
        gfx.DrawString(parcel.Waybill, new XFont(LabelFonts.Family, 16, XFontStyleEx.Bold), XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopLeft);
        y += 26;
        Line(gfx, y, width);

        y = Block(gfx, words.From, parcel.Sender, parcel.SenderProvince, y + 4, width, small, normal);
        Line(gfx, y, width);
        y = Block(gfx, words.To, parcel.Recipient, parcel.RecipientProvince, y + 4, width, small, new XFont(LabelFonts.Family, 11, XFontStyleEx.Bold));
        Line(gfx, y, width);

        var cod = parcel.CashOnDelivery.Dong > 0 ? $"{words.Collect} {parcel.CashOnDelivery}" : words.NothingToCollect;
        gfx.DrawString(cod, new XFont(LabelFonts.Family, parcel.CashOnDelivery.Dong > 0 ? 18 : 12, XFontStyleEx.Bold), XBrushes.Black,
            new XRect(Margin, y + 6, width, 24), XStringFormats.TopLeft);
        y += 36;
        gfx.DrawString($"{words.Weight}: {parcel.WeightGrams:N0} g · {words.Order}: {parcel.OrderCode}", normal, XBrushes.Black,
            new XRect(Margin, y, width, 14), XStringFormats.TopLeft);
        y += 18;

        if (parcel.TraceUrl is { } trace)
        {
            PdfCodes.Qr(gfx, trace, new XRect(Margin, y, 70, 70));
            gfx.DrawString(words.Trace, small, XBrushes.Black, new XRect(Margin + 78, y + 28, width - 78, 12), XStringFormats.TopLeft);
            gfx.DrawString(trace, small, XBrushes.Black, new XRect(Margin + 78, y + 40, width - 78, 12), XStringFormats.TopLeft);
        }
        gfx.DrawString(parcel.BookedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), small,
            XBrushes.Black, new XRect(Margin + 78, y + 14, width - 78, 12), XStringFormats.TopLeft);
    }

    private static double Block(XGraphics gfx, string heading, ParcelEnd end, string province, double y, double width, XFont small, XFont name)
    {
        gfx.DrawString(heading, small, XBrushes.Black, new XRect(Margin, y, width, 10), XStringFormats.TopLeft);
        y += 11;
        gfx.DrawString(end.Name + (end.Phone.Length > 0 ? $" · {end.Phone}" : string.Empty), name, XBrushes.Black, new XRect(Margin, y, width, 14), XStringFormats.TopLeft);
        y += name.Height + 2;
        foreach (var line in Wrap($"{end.Address.Street}, {end.Address.Commune}, {province}", 48))
        {
            gfx.DrawString(line, small, XBrushes.Black, new XRect(Margin, y, width, 10), XStringFormats.TopLeft);
            y += 10;
        }
        return y + 4;
    }

    private static void DrawSheet(PdfDocument document, string partnerName, IReadOnlyList<LabelParcel> parcels, LabelWording words, DateOnly day)
    {
        var normal = new XFont(LabelFonts.Family, 9);
        var bold = new XFont(LabelFonts.Family, 10, XFontStyleEx.Bold);
        foreach (var cooperative in parcels.GroupBy(p => p.Sender.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - 4 * Margin;
            var x = 2 * Margin;
            var y = 2 * Margin;
            gfx.DrawString($"{words.PickupSheet} · {partnerName} · {day:dd/MM/yyyy}", new XFont(LabelFonts.Family, 13, XFontStyleEx.Bold), XBrushes.Black,
                new XRect(x, y, width, 18), XStringFormats.TopLeft);
            y += 24;
            var first = cooperative.First();
            gfx.DrawString($"{cooperative.Key} · {first.Sender.Phone}", bold, XBrushes.Black, new XRect(x, y, width, 14), XStringFormats.TopLeft);
            y += 14;
            gfx.DrawString($"{first.Sender.Address.Street}, {first.Sender.Address.Commune}, {first.SenderProvince}", normal, XBrushes.Black,
                new XRect(x, y, width, 12), XStringFormats.TopLeft);
            y += 22;
            foreach (var parcel in cooperative)
            {
                if (y > page.Height.Point - 4 * Margin)
                {
                    break; // a cooperative with more parcels than a page holds gets them on its labels; the sheet lists the first ones
                }
                var cod = parcel.CashOnDelivery.Dong > 0 ? parcel.CashOnDelivery.ToString() : "—";
                gfx.DrawString($"{parcel.Waybill}   {parcel.OrderCode}   {parcel.Recipient.Address.Commune}   {parcel.WeightGrams:N0} g   {cod}", normal,
                    XBrushes.Black, new XRect(x, y, width, 12), XStringFormats.TopLeft);
                y += 16;
            }
            y += 24;
            gfx.DrawString(words.Signature, normal, XBrushes.Black, new XRect(x, y, width, 12), XStringFormats.TopLeft);
        }
        if (document.PageCount == 0)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"{words.PickupSheet} · {partnerName} · {day:dd/MM/yyyy}", bold, XBrushes.Black, new XRect(2 * Margin, 2 * Margin, 400, 14),
                XStringFormats.TopLeft);
        }
    }

    private static void Line(XGraphics gfx, double y, double width) => gfx.DrawLine(new XPen(XColors.Black, 0.8), Margin, y, Margin + width, y);

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }
        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}

/// <summary>Where the label fonts are (<c>Labels:FontDirectory</c>).</summary>
public sealed class LabelOptions
{
    public const string Section = "Labels";

    [System.ComponentModel.DataAnnotations.Required]
    public string FontDirectory { get; set; } = LabelFonts.DefaultDirectory;
}
