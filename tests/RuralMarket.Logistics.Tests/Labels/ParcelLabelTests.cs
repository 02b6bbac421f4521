using System.Diagnostics;
using RuralMarket.Domain.Geography;
using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;
using RuralMarket.Logistics.Labels;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace RuralMarket.Logistics.Tests.Labels;

public class ParcelLabelTests
{
    private static readonly LabelWording Words = new("Người gửi", "Người nhận", "THU HỘ:", "Đã thanh toán, không thu tiền", "Khối lượng", "Mã đơn",
        "Truy xuất nguồn gốc", "Bảng lấy hàng", "Ký nhận:");

    private static LabelParcel Parcel(long cod = 287_000) => new("RM1234567890", "Bưu điện văn hóa xã Vi Hương", "RMAB12CD34",
        new ParcelEnd("HTX Nông nghiệp Vi Hương", "0209 3871 234", new Address("TN", "Xã Phủ Thông", "Thôn Nà Hán")), "Thái Nguyên",
        new ParcelEnd("Nguyễn Thị Lan", "0912 345 678", new Address("HN", "Phường Ba Đình", "12 Phan Đình Phùng")), "Hà Nội",
        1_200, Money.FromDong(cod), new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)));

    private static readonly ParcelLabels Labels = new(new LabelOptions());

    [Fact]
    public void A_label_is_100_by_150_mm_and_says_who_sends_who_receives_and_the_cash_to_collect_in_Vietnamese()
    {
        var pdf = Labels.Label(Parcel(), Words);

        using var document = PdfDocument.Open(pdf);
        var page = Assert.Single(document.GetPages());
        Assert.Equal(100, page.Width / 72 * 25.4, 0);
        Assert.Equal(150, page.Height / 72 * 25.4, 0);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        foreach (var expected in new[] { "RM1234567890", "Nguyễn", "Lan", "Đình", "287.000", "THU", "HỘ:", "RMAB12CD34", "1,200", "Vi", "Hương" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_prepaid_parcels_label_says_there_is_nothing_to_collect()
    {
        using var document = PdfDocument.Open(Labels.Label(Parcel(cod: 0), Words));

        var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("không thu tiền", text, StringComparison.Ordinal);
        Assert.DoesNotContain("THU HỘ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_labels_code_128_and_qr_both_decode_to_the_waybill()
    {
        // scripts/test.sh installs poppler-utils; without it this fails and says so, rather than passing unscanned.
        var (pixels, width, height) = Rasterise(Labels.Label(Parcel(), Words))
            ?? throw new InvalidOperationException("pdftoppm (Debian's poppler-utils) is missing: apt-get install poppler-utils");
        foreach (var format in new[] { BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE })
        {
            var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [format], TryHarder = true } };
            var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            Assert.True(result is not null, $"{format} did not decode");
            Assert.Equal("RM1234567890", result.Text);
        }
    }

    [Fact]
    public void A_label_whose_parcel_was_packed_from_a_batch_carries_the_QR_of_its_trace_page_beside_the_waybills()
    {
        var (pixels, width, height) = Rasterise(Labels.Label(Parcel() with { TraceUrl = "https://cho.example.vn/trace/K7M2X9PQ" }, Words))
            ?? throw new InvalidOperationException("pdftoppm (Debian's poppler-utils) is missing: apt-get install poppler-utils");
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };

        var found = reader.DecodeMultiple(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Select(r => r.Text).ToList() ?? [];

        Assert.Contains("https://cho.example.vn/trace/K7M2X9PQ", found);
        Assert.Contains("RM1234567890", found);
    }

    [Fact]
    public void Stickers_come_24_to_an_A4_sheet_with_the_lot_the_code_and_a_QR_of_the_trace_page()
    {
        var stickers = new TraceStickers(new LabelOptions());
        var batch = new StickerBatch("Miến dong Vi Hương", "HTX Nông nghiệp Vi Hương", "Vụ đông 2026", "K7M2X9PQ", "https://cho.example.vn/trace/K7M2X9PQ", "20/11/2027");
        var pdf = stickers.Sheets(batch, new StickerWording("Lô", "Mã", "HSD", "Quét mã để xem nguồn gốc"), 30);

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal(2, document.NumberOfPages);
            var first = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Equal(24, first.Split("K7M2X9PQ").Length - 1);
            Assert.Contains("20/11/2027", first, StringComparison.Ordinal);
            Assert.Equal(6, string.Join(" ", document.GetPage(2).GetWords().Select(w => w.Text)).Split("K7M2X9PQ").Length - 1);
        }
        var (pixels, width, height) = Rasterise(pdf)
            ?? throw new InvalidOperationException("pdftoppm (Debian's poppler-utils) is missing: apt-get install poppler-utils");
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        Assert.Equal("https://cho.example.vn/trace/K7M2X9PQ", reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text);
    }

    [Fact]
    public void The_pickup_sheet_lists_each_cooperatives_parcels_on_its_own_page()
    {
        var other = Parcel() with { Waybill = "RM0000000001", Sender = new ParcelEnd("HTX Vải thiều Thanh Hà", "", new Address("HP", "Xã Thanh Hà", "Thôn 1")) };

        using var document = PdfDocument.Open(Labels.PickupSheet("Bưu điện Vi Hương", [Parcel(), other], Words, new DateOnly(2026, 12, 2)));

        Assert.Equal(2, document.NumberOfPages);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.Contains(pages, p => p.Contains("RM1234567890", StringComparison.Ordinal) && p.Contains("Vi", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("RM0000000001", StringComparison.Ordinal) && p.Contains("Thanh", StringComparison.Ordinal));
    }

    /// <summary>The label at 300 dpi in grey, through poppler's pdftoppm (a real renderer, not ours); null when it is absent.</summary>
    private static (byte[] Pixels, int Width, int Height)? Rasterise(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("label-");
        try
        {
            var input = Path.Combine(folder.FullName, "label.pdf");
            File.WriteAllBytes(input, pdf);
            ProcessStartInfo start = new("pdftoppm", ["-r", "300", "-gray", "-singlefile", input, Path.Combine(folder.FullName, "label")]);
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            process!.WaitForExit(30_000);
            Assert.Equal(0, process.ExitCode);
            return ReadPgm(File.ReadAllBytes(Path.Combine(folder.FullName, "label.pgm")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Binary PGM (P5): a text header of magic, width, height and maximum, then one byte per pixel.</summary>
    private static (byte[], int, int) ReadPgm(byte[] file)
    {
        var position = 0;
        string Next()
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }
            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }
        Assert.Equal("P5", Next());
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Next();
        position++;
        return (file[position..(position + width * height)], width, height);
    }
}
