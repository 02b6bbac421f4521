using PdfSharp.Drawing;
using QRCoder;
using ZXing.OneD;

namespace RuralMarket.Logistics.Labels;

/// <summary>Barcodes drawn as vector bars and modules, so they scan at any print size.</summary>
internal static class PdfCodes
{
    public static void Code128(XGraphics gfx, string text, XRect area)
    {
        var modules = new Code128Writer().encode(text);
        var module = area.Width / modules.Length;
        for (var i = 0; i < modules.Length; i++)
        {
            if (modules[i])
            {
                gfx.DrawRectangle(XBrushes.Black, area.X + i * module, area.Y, module, area.Height);
            }
        }
    }

    public static void Qr(XGraphics gfx, string text, XRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = Math.Min(area.Width, area.Height) / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    gfx.DrawRectangle(XBrushes.Black, area.X + column * module, area.Y + row * module, module, module);
                }
            }
        }
    }
}
