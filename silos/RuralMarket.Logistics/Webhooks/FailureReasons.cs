using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Logistics.Webhooks;

/// <summary>
/// Carriers give a failed attempt's reason as their own text ("Khách hàng từ chối nhận"); a few common phrases say
/// which of our reasons it is; for anything else the carrier's table decides, and its text is kept as the note.
/// </summary>
public static class FailureReasons
{
    private static readonly (string Phrase, DeliveryFailureReason Reason)[] Phrases =
    [
        ("khong lien lac", DeliveryFailureReason.BuyerUnreachable),
        ("khong nghe may", DeliveryFailureReason.BuyerUnreachable),
        ("thue bao", DeliveryFailureReason.BuyerUnreachable),
        ("tu choi", DeliveryFailureReason.Refused),
        ("khong nhan", DeliveryFailureReason.Refused),
        ("sai dia chi", DeliveryFailureReason.WrongAddress),
        ("khong tim thay dia chi", DeliveryFailureReason.WrongAddress),
        ("hu hong", DeliveryFailureReason.Damaged),
        ("hong hang", DeliveryFailureReason.Damaged),
        ("hang vo", DeliveryFailureReason.Damaged),
        ("bi vo", DeliveryFailureReason.Damaged),
    ];

    public static DeliveryFailureReason? FromText(string? text)
    {
        var folded = string.Join(' ', VietnameseText.Words(VietnameseText.Fold(text ?? string.Empty)));
        foreach (var (phrase, reason) in Phrases)
        {
            if ($" {folded} ".Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return reason;
            }
        }
        return null;
    }
}
