using System.Globalization;
using System.Text;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Payments.VietQr;

/// <summary>
/// The text inside a dynamic VietQR (NAPAS's profile of EMVCo's merchant-presented QR): which account to pay, the
/// exact amount and the transfer memo, closed by a CRC-16/CCITT-FALSE over everything before it. Banking apps read it
/// and fill the transfer in; the buyer only confirms.
/// </summary>
public static class VietQrPayload
{
    /// <summary>NAPAS's application id for VietQR (tag 38, sub-tag 00).</summary>
    public const string NapasGuid = "A000000727";

    /// <summary>Transfer to an account (not a card) through NAPAS 247.</summary>
    public const string AccountTransfer = "QRIBFTTA";

    /// <summary>The most a memo (tag 62, sub-tag 08) holds here: short enough that no bank cuts the order code off.</summary>
    public const int MaxMemoLength = 19;

    public static string For(VietQrAccount account, Money amount, string memo)
    {
        if (amount == Money.Zero)
        {
            throw new DomainException("vietqr.amount", "A VietQR transfer request needs an amount.");
        }
        var plainMemo = PlainMemo(memo);
        var beneficiary = Field("00", account.Bin) + Field("01", account.Number);
        var text = new StringBuilder()
            .Append(Field("00", "01")) // payload format
            .Append(Field("01", "12")) // dynamic: made for one payment
            .Append(Field("38", Field("00", NapasGuid) + Field("01", beneficiary) + Field("02", AccountTransfer)))
            .Append(Field("53", "704")) // VND
            .Append(Field("54", amount.Dong.ToString(CultureInfo.InvariantCulture)))
            .Append(Field("58", "VN"))
            .Append(Field("62", Field("08", plainMemo)))
            .Append("6304");
        return text.Append(Crc16(text.ToString()).ToString("X4", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>
    /// A memo every bank keeps as typed: Vietnamese without its marks (<c>đ</c> as <c>d</c>), only letters, digits and
    /// single spaces, at most <see cref="MaxMemoLength"/> characters.
    /// </summary>
    public static string PlainMemo(string memo)
    {
        var plain = new StringBuilder(memo.Length);
        foreach (var c in memo.Normalize(NormalizationForm.FormD))
        {
            var letter = c switch { 'đ' => 'd', 'Đ' => 'D', _ => c };
            if (char.IsAsciiLetterOrDigit(letter))
            {
                plain.Append(letter);
            }
            else if (char.IsWhiteSpace(letter) && plain.Length > 0 && plain[^1] != ' ')
            {
                plain.Append(' ');
            }
        }
        var text = plain.ToString().TrimEnd();
        return text.Length is > 0 and <= MaxMemoLength
            ? text
            : throw new DomainException("vietqr.memo", $"A transfer memo is 1 to {MaxMemoLength} plain letters, digits and spaces.");
    }

    /// <summary>CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF, no reflection, no final xor) over the UTF-8 bytes.</summary>
    public static ushort Crc16(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc;
    }

    private static string Field(string tag, string value) =>
        value.Length is > 0 and < 100
            ? tag + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value
            : throw new DomainException("vietqr.field", $"VietQR field {tag} must hold 1 to 99 characters.");
}
