using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

/// <summary>
/// The one rule every ledger posting keeps (debits equal credits, in whole đồng), and the names postings are kept
/// under: one per sale, per refund, per parcel of a remittance, per payout run; a name is written once.
/// </summary>
public static class Posting
{
    private const string PayoutPrefix = "payout/";

    public static string SaleOf(Guid orderId) => $"sale/{orderId}";

    public static string RefundOf(Guid orderId, Guid refundId) => $"refund/{orderId}/{refundId}";

    public static string RemittanceOf(Guid remittanceId, string waybill) => $"cod/{remittanceId}/{waybill}";

    public static string PayoutOf(Guid runId) => $"{PayoutPrefix}{runId}";

    /// <summary>Money paid out, as opposed to money earned (a sale, a refund) or collected (a remittance).</summary>
    public static bool IsPayout(string posting) => posting.StartsWith(PayoutPrefix, StringComparison.Ordinal);

    /// <summary>The entries merged to one per account, side and product (zero amounts left out), checked to balance.</summary>
    public static IReadOnlyList<LedgerEntry> Balanced(IEnumerable<LedgerEntry> entries)
    {
        List<LedgerEntry> merged = [.. entries.GroupBy(e => (e.Account, e.Side, e.ProductId))
            .Select(g => new LedgerEntry(g.Key.Account, g.Key.Side, Money.Sum(g.Select(e => e.Amount)), g.Key.ProductId))
            .Where(e => e.Amount != Money.Zero)];
        return merged.Sum(e => e.Signed) == 0
            ? merged
            : throw new InvalidOperationException("A ledger posting does not balance."); // a bug here, never the sender's input
    }
}
