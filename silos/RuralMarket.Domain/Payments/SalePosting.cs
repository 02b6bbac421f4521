using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

/// <summary>
/// How one order's money is divided once it has come in: the buyer's payment (on the bank account, or as cash a carrier
/// owes us) pays the carrier's fee, the platform's fee on the goods (<see cref="PlatformFeeRate"/>, rounded down per
/// line), and the cooperative the rest; the cooperative's part of each line goes on to its producing households by the
/// shares the line was sold under (<see cref="SalesSplit"/>, so the parts add up exactly). Every posting balances:
/// debits equal credits, in whole đồng. A refund is the reversal of what it refunds (<see cref="RefundOf"/>).
/// </summary>
public static class SalePosting
{
    public static IReadOnlyList<LedgerEntry> For(Order order, string paidInto, PlatformFeeRate rate)
    {
        var entries = new List<LedgerEntry>
        {
            new(paidInto, LedgerSide.Debit, order.Total),
            new(LedgerEntry.CarrierFees, LedgerSide.Credit, order.ShippingFee),
        };
        foreach (var line in order.Lines)
        {
            entries.AddRange(ForLine(order.CooperativeId, line, rate));
        }
        return Posting.Balanced(entries);
    }

    /// <summary>
    /// Giving money back, as the reversal of what the <paramref name="sale"/> posting gave: all of it (no
    /// <paramref name="productIds"/>), or the shares of some lines, whose goods' price leaves <paramref name="paidFrom"/>
    /// (shipping kept). Reversing the stored sale, rather than dividing the order again, keeps the refund exact even
    /// after the platform's fee rate has changed.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> RefundOf(IReadOnlyList<LedgerEntry> sale, IReadOnlyCollection<Guid> productIds, string paidFrom)
    {
        if (productIds.Count == 0)
        {
            return Posting.Balanced(sale.Select(e => e.Reversed()));
        }
        List<LedgerEntry> taken = [.. sale.Where(e => e.ProductId is { } product && productIds.Contains(product)).Select(e => e.Reversed())];
        if (taken.Count == 0)
        {
            throw new DomainException("ledger.refund_lines", "The sale has none of the lines to refund.");
        }
        return Posting.Balanced([.. taken, new LedgerEntry(paidFrom, LedgerSide.Credit, Money.FromDong(taken.Sum(e => e.Signed)))]);
    }

    private static IEnumerable<LedgerEntry> ForLine(Guid cooperativeId, OrderLine line, PlatformFeeRate rate)
    {
        var fee = rate.Of(line.Total);
        var cooperativePart = line.Total - fee;
        var cooperative = LedgerEntry.Cooperative(cooperativeId);
        var product = line.ProductId;
        yield return new LedgerEntry(LedgerEntry.PlatformFees, LedgerSide.Credit, fee, product);
        yield return new LedgerEntry(cooperative, LedgerSide.Credit, cooperativePart, product);
        if (line.Producers.Count == 0 || cooperativePart == Money.Zero)
        {
            yield break; // sold before shares were kept: the cooperative's to divide
        }
        yield return new LedgerEntry(cooperative, LedgerSide.Debit, cooperativePart, product);
        foreach (var (householdId, part) in SalesSplit.Divide(cooperativePart, line.Producers))
        {
            yield return new LedgerEntry(LedgerEntry.Household(householdId), LedgerSide.Credit, part, product);
        }
    }
}
