using System.Text;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.VietQr;
using ZXing;
using ZXing.Common;

namespace RuralMarket.Payments.Tests.VietQr;

public class VietQrCodeTests
{
    private static VietQrRequests Requests(bool enabled = true) => new(Options.Create(new VietQrOptions
    {
        Enabled = enabled, Bin = "970436", AccountNumber = "1023456789", AccountHolder = "CONG TY RURALMARKET", BankName = "Vietcombank",
    }));

    [Fact]
    public void An_orders_request_is_its_exact_total_to_the_collection_account_with_the_order_code_as_memo()
    {
        var request = Requests().For("RMQ5YNGYCV", Money.FromDong(206_300));

        Assert.Equal(("RMQ5YNGYCV", 206_300L, "1023456789"), (request.Memo, request.Amount.Dong, request.Account.Number));
        Assert.Contains("0006970436011010234567890208QRIBFTTA", request.Payload, StringComparison.Ordinal);
        Assert.Contains("5406206300", request.Payload, StringComparison.Ordinal);
        Assert.Contains("62140810RMQ5YNGYCV", request.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void The_svg_a_banking_app_scans_decodes_to_the_payload()
    {
        // libvips (installed by scripts/test.sh) draws the SVG as a phone's screen would; ZXing reads it as a camera would.
        var request = Requests().For("RMQ5YNGYCV", Money.FromDong(206_300));
        using var image = NetVips.Image.NewFromBuffer(Encoding.UTF8.GetBytes(VietQrRequests.Svg(request.Payload)));
        using var flat = image.HasAlpha() ? image.Flatten([255]) : image;
        using var grey = flat.Colourspace(NetVips.Enums.Interpretation.Bw).Cast(NetVips.Enums.BandFormat.Uchar);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };

        var result = reader.Decode(new RGBLuminanceSource(grey.WriteToMemory<byte>(), grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8));

        Assert.True(result is not null, "the QR did not decode");
        Assert.Equal(request.Payload, result.Text);
    }

    [Fact]
    public void Switched_off_there_is_no_transfer_to_ask_for()
    {
        var off = Requests(enabled: false);
        Assert.False(off.IsOn);
        Assert.Equal("vietqr.off", Assert.Throws<DomainException>(() => off.For("RMQ5YNGYCV", Money.FromDong(1))).Code);
    }
}
