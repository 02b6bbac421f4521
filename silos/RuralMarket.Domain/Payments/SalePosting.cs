using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

/// <summary>
/// How one order's money is divided once it has come in: the buyer's payment (on the bank account, or as cash a carrier
/// owes us) pays the carrier's fee, the platform's fee on the goods (<see cref="PlatformFeeRate"/>, rounded down per
/// line), and the cooperative the rest; the cooperative's part of each line goes on to its producing households by the
/// shares the line was sold under (<see cref="SalesSplit"/>, so the parts add up exactly). Every posting balances:
/// debits equal credits, in whole đồng. A refund is the reversal of what it refunds.
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

    /// <summary>Giving back the goods' price of some lines (a part of a returned order), shipping kept: the reversal of those lines' shares.</summary>
    public static IReadOnlyList<LedgerEntry> RefundOfLines(Order order, IReadOnlyCollection<Guid> productIds, string paidFrom, PlatformFeeRate rate)
    {
        var lines = order.Lines.Where(l => productIds.Contains(l.ProductId)).ToList();
        if (lines.Count == 0)
        {
            throw new DomainException("ledger.refund_lines", $"Order {order.Code} has none of the lines to refund.");
        }
        var entries = new List<LedgerEntry> { new(paidFrom, LedgerSide.Credit, Money.Sum(lines.Select(l => l.Total))) };
        entries.AddRange(lines.SelectMany(l => ForLine(order.CooperativeId, l, rate)).Select(e => e.Reversed()));
        return Posting.Balanced(entries);
    }

    /// <summary>Giving back everything the buyer paid: the sale's posting reversed.</summary>
    public static IReadOnlyList<LedgerEntry> FullRefund(Order order, string paidFrom, PlatformFeeRate rate) =>
        [.. For(order, paidFrom, rate).Select(e => e.Reversed())];

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
