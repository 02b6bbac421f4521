using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Payments;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Data.Payments;

/// <summary>
/// What the platform owes a cooperative and its households, read from the ledger. An order's money is <b>settled</b>
/// when the order was delivered, its sale is posted, and nothing is still owed to us for it (cash a carrier collected
/// has been remitted: its <c>cod:{carrier}</c> entries net to zero). Each settled share not yet in a payout run is
/// waiting to be paid.
/// </summary>
public static class SettledMoney
{
    private static readonly OrderStatus[] Delivered = [OrderStatus.Delivered, OrderStatus.Completed];

    public static async Task<CooperativeMoney> OfAsync(RuralMarketDbContext db, Guid cooperativeId, CancellationToken cancellationToken = default)
    {
        var households = (await db.Cooperatives.AsNoTracking().Where(c => c.Id == cooperativeId)
            .SelectMany(c => c.Households.Select(h => h.Id)).ToListAsync(cancellationToken)).ToHashSet();
        var orders = await db.Orders.AsNoTracking().Where(o => o.CooperativeId == cooperativeId && o.PaidAt != null)
            .Select(o => new { o.Id, o.Code, o.Status }).ToListAsync(cancellationToken);
        var orderIds = orders.Select(o => o.Id).ToList();
        var lines = await db.LedgerLines.AsNoTracking().Where(l => l.OrderId != null && orderIds.Contains(l.OrderId.Value))
            .Select(l => new { OrderId = l.OrderId!.Value, l.Posting, l.Account, l.Side, l.Amount }).ToListAsync(cancellationToken);
        var drawn = (await db.PayoutRuns.AsNoTracking().Where(r => r.CooperativeId == cooperativeId)
            .SelectMany(r => r.Lines.Select(l => new { l.OrderId, l.Account })).ToListAsync(cancellationToken))
            .Select(l => (l.OrderId, l.Account)).ToHashSet();

        var waiting = new List<PayoutLine>();
        var pending = Money.Zero;
        var byOrder = lines.ToLookup(l => l.OrderId);
        foreach (var order in orders)
        {
            var entries = byOrder[order.Id].ToList();
            if (!entries.Any(e => e.Posting == Posting.SaleOf(order.Id)))
            {
                continue;
            }
            long Signed(string side, Money amount) => side == "debit" ? amount.Dong : -amount.Dong;
            var stillOwedToUs = entries.Where(e => e.Account.StartsWith("cod:", StringComparison.Ordinal)).Sum(e => Signed(e.Side, e.Amount));
            var settled = Delivered.Contains(order.Status) && stillOwedToUs == 0;
            foreach (var share in entries.Where(e => LedgerEntry.IsOwedTo(e.Account, cooperativeId, households)).GroupBy(e => e.Account))
            {
                var owed = -share.Sum(e => Signed(e.Side, e.Amount));
                if (owed <= 0 || drawn.Contains((order.Id, share.Key)))
                {
                    continue;
                }
                if (settled)
                {
                    waiting.Add(new PayoutLine(order.Id, order.Code, share.Key, Money.FromDong(owed)));
                }
                else
                {
                    pending += Money.FromDong(owed);
                }
            }
        }
        return new CooperativeMoney(waiting, pending);
    }
}

/// <summary>A cooperative's money not yet in a run: settled and waiting to be paid, and sold but not settled yet.</summary>
public sealed record CooperativeMoney(IReadOnlyList<PayoutLine> Waiting, Money NotYetSettled)
{
    public Money WaitingTotal => Money.Sum(Waiting.Select(l => l.Amount));
}
