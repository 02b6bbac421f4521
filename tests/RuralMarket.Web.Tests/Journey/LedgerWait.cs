using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Data;
using RuralMarket.Data.Payments;

namespace RuralMarket.Web.Tests.Journey;

/// <summary>The ledger is posted by the outbox relay, a moment after the payment (or remittance, or payout): waits for a posting.</summary>
public static class LedgerWait
{
    public static async Task<IReadOnlyList<LedgerLine>> SaleOfAsync(IServiceProvider services, Guid orderId)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var lines = await db.LedgerLines.AsNoTracking().Where(l => l.OrderId == orderId).ToListAsync();
            if (lines.Count > 0 || DateTime.UtcNow > deadline)
            {
                return lines;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The lines of the postings <paramref name="named"/> picks, once there are any; fails after 20 s.</summary>
    public static async Task<IReadOnlyList<LedgerLine>> PostingAsync(IServiceProvider services, Func<string, bool> named)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var lines = (await db.LedgerLines.AsNoTracking().ToListAsync()).Where(l => named(l.Posting)).ToList();
            if (lines.Count > 0)
            {
                return lines;
            }
            Assert.True(DateTime.UtcNow < deadline, "The posting did not appear within 20 s.");
            await Task.Delay(100);
        }
    }
}
