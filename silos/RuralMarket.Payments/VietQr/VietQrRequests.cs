using Microsoft.Extensions.Options;
using QRCoder;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.VietQr;

/// <summary>What a buyer needs to pay one order by transfer: the account, the exact amount, the memo, and the code that carries all three.</summary>
public sealed record TransferRequest(VietQrAccount Account, Money Amount, string Memo, string Payload);

/// <summary>
/// Transfer requests for orders paid by VietQR into the platform's collection account, and the QR drawn as SVG on the
/// server, so a phone without JavaScript shows it and a banking app scans it. The memo is the order code alone: banks
/// add their own words around it, and the bank feed finds the code anywhere in what comes back.
/// </summary>
public sealed class VietQrRequests
{
    private readonly VietQrAccount? _account;

    public VietQrRequests(IOptions<VietQrOptions> options)
    {
        var o = options.Value;
        _account = o.Enabled ? new VietQrAccount(o.Bin, o.AccountNumber, o.AccountHolder, o.BankName) : null;
    }

    /// <summary>Whether buyers may pay by VietQR transfer here.</summary>
    public bool IsOn => _account is not null;

    public TransferRequest For(string orderCode, Money amount)
    {
        var account = _account ?? throw new DomainException("vietqr.off", "VietQR transfers are not switched on here.");
        var memo = VietQrPayload.PlainMemo(orderCode);
        return new TransferRequest(account, amount, memo, VietQrPayload.For(account, amount, memo));
    }

    /// <summary>The payload as a QR code in SVG, with its quiet zone, medium error correction (what banking apps expect).</summary>
    public static string Svg(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
