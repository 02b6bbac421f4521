using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Orders;
using RuralMarket.Data.Payments;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Orders;
using RuralMarket.Payments.BankFeeds;

namespace RuralMarket.Web.Payments;

/// <summary>
/// Bank-feed transfers kept and matched to orders. A transfer pays an order when its memo holds the order's code
/// (anywhere: banks add words and drop punctuation) and its amount is the order's exact total; the order grain decides,
/// once per provider's transaction id. Everything else is kept for the admin's review, never dropped and never used to
/// revive a cancelled order.
/// </summary>
public sealed class TransferMatching(RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock)
{
    /// <summary>Keeps the transfer (once) and applies it; the same transfer reported again answers what it became the first time.</summary>
    public async Task<string> ReceiveAsync(string provider, IncomingTransfer incoming, CancellationToken cancellationToken)
    {
        var transfer = await KeepAsync(provider, incoming, cancellationToken);
        if (transfer.Outcome != TransferOutcome.Received)
        {
            return transfer.Outcome; // settled before: a repeat
        }
        var (outcome, orderId, detail) = await MatchAsync(transfer, cancellationToken);
        transfer.Settle(outcome, orderId, detail);
        await db.SaveChangesAsync(CancellationToken.None);
        return outcome;
    }

    /// <summary>The row for this provider's transaction, stored before anything is applied; a concurrent repeat finds the one that won.</summary>
    private async Task<BankTransfer> KeepAsync(string provider, IncomingTransfer incoming, CancellationToken cancellationToken)
    {
        if (await FindAsync(provider, incoming.TransactionId, cancellationToken) is { } kept)
        {
            return kept;
        }
        var transfer = new BankTransfer(provider, incoming.TransactionId, incoming.Amount, incoming.Memo, incoming.AccountNumber, incoming.OccurredAt,
            clock.GetUtcNow());
        db.BankTransfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return transfer;
        }
        catch (DbUpdateException)
        {
            db.Entry(transfer).State = EntityState.Detached;
            return await FindAsync(provider, incoming.TransactionId, cancellationToken) ?? throw new InvalidOperationException("A transfer's row vanished.");
        }
    }

    private Task<BankTransfer?> FindAsync(string provider, string transactionId, CancellationToken cancellationToken) =>
        db.BankTransfers.SingleOrDefaultAsync(t => t.Provider == provider && t.TransactionId == transactionId, cancellationToken);

    private async Task<(string Outcome, Guid? OrderId, string Detail)> MatchAsync(BankTransfer transfer, CancellationToken cancellationToken)
    {
        var candidates = OrderCodes.CandidatesIn(transfer.Memo);
        var orders = candidates.Count == 0 ? [] : await db.Orders.AsNoTracking().Where(o => candidates.Contains(o.Code))
            .Select(o => new { o.Id, o.Code, o.PaymentMethod }).ToListAsync(cancellationToken);
        var order = orders.FirstOrDefault(o => o.PaymentMethod != PaymentMethod.CashOnDelivery) ?? orders.FirstOrDefault();
        if (order is null)
        {
            return (TransferOutcome.Unmatched, null, "no order code in the memo");
        }
        try
        {
            await grains.GetGrain<IOrderGrain>(order.Id).MarkPaidAsync(transfer.Amount, transfer.Reference);
            return (TransferOutcome.Matched, order.Id, order.Code);
        }
        catch (DomainException refusal)
        {
            var outcome = refusal.Code switch
            {
                "order.amount_mismatch" => TransferOutcome.WrongAmount,
                "order.already_paid" => TransferOutcome.PaidTwice,
                "order.not_payable" => TransferOutcome.Late,
                _ => TransferOutcome.Unmatched,
            };
            return (outcome, order.Id, $"{order.Code}: {refusal.Code}");
        }
    }
}
